package io.picaco.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void guardsStepsAndApiOnly() {
        for (String p : new String[] {"/propose", "/sample", "/score", "/select", "/select/", "/api", "/api/runs",
                "/api/runs/1/export"}) {
            assertTrue(ProtectedPaths.isProtected(p), p);
        }
        for (String p : new String[] {"/", "/runs", "/q/health", "/sim/v1/models", "/apix", "/selection", null}) {
            assertFalse(ProtectedPaths.isProtected(p), String.valueOf(p));
        }
    }
}
