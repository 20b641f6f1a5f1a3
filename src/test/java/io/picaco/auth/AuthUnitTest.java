package io.picaco.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AuthUnitTest {
    static final Optional<BearerToken> NONE = BearerToken.of(Optional.empty());
    static final Optional<BearerToken> SOME = BearerToken.of(Optional.of("t0ken"));

    @Test
    void warnsOnlyWhenExposedWithoutAToken() {
        assertTrue(ExposureCheck.shouldWarn(NONE, "0.0.0.0"));
        assertTrue(ExposureCheck.shouldWarn(NONE, "::"));
        assertTrue(ExposureCheck.shouldWarn(NONE, "10.1.2.3"));
        assertTrue(ExposureCheck.shouldWarn(NONE, "example.org"));
        assertTrue(ExposureCheck.shouldWarn(NONE, "128.0.0.1"));
        assertFalse(ExposureCheck.shouldWarn(NONE, "localhost"));
        assertFalse(ExposureCheck.shouldWarn(NONE, "127.0.0.1"));
        assertFalse(ExposureCheck.shouldWarn(NONE, "127.1.2.3"));
        assertFalse(ExposureCheck.shouldWarn(NONE, "::1"));
        assertFalse(ExposureCheck.shouldWarn(NONE, "[::1]"));
        assertFalse(ExposureCheck.shouldWarn(SOME, "0.0.0.0"));
        assertTrue(ExposureCheck.shouldWarn(BearerToken.of(Optional.of("  ")), "0.0.0.0"), "a blank token is no token");
    }

    @Test
    void acceptsOnlyTheExactBearerToken() {
        BearerToken t = SOME.orElseThrow();
        assertTrue(t.accepts("Bearer t0ken"));
        assertTrue(t.accepts("bearer t0ken"));
        assertFalse(t.accepts(null));
        assertFalse(t.accepts(""));
        assertFalse(t.accepts("Bearer"));
        assertFalse(t.accepts("Bearer "));
        assertFalse(t.accepts("Bearer t0ke"));
        assertFalse(t.accepts("Bearer t0kenX"));
        assertFalse(t.accepts("Bearer T0KEN"));
        assertFalse(t.accepts("Basic t0ken"));
        assertFalse(t.accepts("t0ken"));
    }

    @Test
    void machineRoutesAreTheApiStepsSimulatorAndQuarkusEndpointsInAnySpelling() {
        for (String p : new String[] {"/propose", "/sample", "/score", "/select", "/select/", "/api", "/api/runs",
                "/api;x=1/runs", "//api/runs", "/API/runs", "/sim/v1/models", "/q/metrics", "/q;a=b/metrics"}) {
            assertTrue(TokenAuthMechanism.isMachine(p), p);
        }
        for (String p : new String[] {"/", "/runs", "/runs/new", "/compositions", "/apix", "/selection", "/;x=1"}) {
            assertFalse(TokenAuthMechanism.isMachine(p), p);
        }
    }

    @Test
    void sessionCookiesAreSignedWithTheTokenAndExpire() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        SessionCookie sessions = new SessionCookie("t0ken");
        String value = sessions.issue(now.plusSeconds(60));
        assertFalse(value.contains("t0ken"), "the cookie never carries the token");
        assertTrue(sessions.valid(value, now));
        assertFalse(sessions.valid(value, now.plusSeconds(61)), "expired");
        assertFalse(new SessionCookie("other").valid(value, now), "a rotated token ends every session");
        String later = (now.plusSeconds(999_999).getEpochSecond()) + value.substring(value.indexOf('.'));
        assertFalse(sessions.valid(later, now), "the expiry is signed too");
        for (String bad : new String[] {null, "", ".", "x.y", "99999999999999999999.abc", "1." + "a".repeat(200)}) {
            assertFalse(sessions.valid(bad, now), String.valueOf(bad));
        }
    }

    @Test
    void nextPagesAfterSignInStayOnThisSite() {
        for (String ok : new String[] {"/", "/runs/new", "/runs/abc?pool=aligned"}) {
            assertTrue(SignInPage.safeNext(ok), ok);
        }
        for (String bad : new String[] {null, "", "https://evil.example/", "//evil.example", "/\\evil.example",
                "/a\r\nSet-Cookie:x", "javascript:alert(1)", "runs"}) {
            assertFalse(SignInPage.safeNext(bad), String.valueOf(bad));
        }
    }

    @Test
    void originMustBeThisSite() {
        assertTrue(OriginCheck.sameOrigin("http://localhost:8080", "localhost:8080"));
        assertTrue(OriginCheck.sameOrigin("http://localhost:8080/runs/new", "localhost:8080"), "a Referer URL");
        assertTrue(OriginCheck.sameOrigin("https://picaco.example", "picaco.example"), "TLS terminated in front");
        assertTrue(OriginCheck.sameOrigin("http://[::1]:8080", "[::1]:8080"));
        assertFalse(OriginCheck.sameOrigin("http://evil.example:8080", "localhost:8080"));
        assertFalse(OriginCheck.sameOrigin("http://localhost:9090", "localhost:8080"));
        assertFalse(OriginCheck.sameOrigin("http://localhost.evil.example:8080", "localhost:8080"));
        assertFalse(OriginCheck.sameOrigin("null", "localhost:8080"));
        assertFalse(OriginCheck.sameOrigin("file:///tmp/x.html", "localhost:8080"));
        assertFalse(OriginCheck.sameOrigin("http://localhost:8080", null));
    }

    @Test
    void onlyTheAppsOwnSimulatorGetsTheToken() {
        assertTrue(SimulatorAuth.ownSimulator(URI.create("http://localhost:8080/sim/v1/chat/completions")));
        assertTrue(SimulatorAuth.ownSimulator(URI.create("http://127.0.0.1:18181/sim/v1/models")));
        assertFalse(SimulatorAuth.ownSimulator(URI.create("https://api.openai.com/v1/chat/completions")));
        assertFalse(SimulatorAuth.ownSimulator(URI.create("https://example.org/sim/v1/chat/completions")));
        assertFalse(SimulatorAuth.ownSimulator(URI.create("http://localhost:8080/v1/chat/completions")));
    }
}
