package io.picaco.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The browser's way in: sign in once, then pages and export links work; cross-site writes are refused. */
@QuarkusTest
@TestProfile(TokenProfile.class)
class SignInAndCsrfTest {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String QUICK_RUN = "{\"composition\": \"helpfulness-4\", \"preset\": \"quick\", \"iterations\": 1,"
            + " \"candidates\": 1, \"seed\": 7}";

    @TestHTTPResource("/")
    URL root;

    String base() {
        String s = root.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    String origin() {
        return base();
    }

    Map<String, String> h(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    String signIn() {
        HttpResponse<String> r = Raw.send(base(), "POST", "/sign-in",
                "token=" + URLEncoder.encode(TokenProfile.TOKEN, StandardCharsets.UTF_8) + "&next=%2Fruns%2Fnew",
                h("Content-Type", FORM, "Origin", origin()));
        assertEquals(303, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/runs/new"), r.headers().toString());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);
        assertFalse(setCookie.contains(TokenProfile.TOKEN), "the cookie is not the token");
        Matcher m = Pattern.compile(SessionCookie.NAME + "=([^;]+)").matcher(setCookie);
        assertTrue(m.find(), setCookie);
        return SessionCookie.NAME + "=" + m.group(1);
    }

    @Test
    void signInGivesASessionCookieThatOpensPagesAndExports() throws Exception {
        HttpResponse<String> page = Raw.send(base(), "GET", "/runs/new", null, h());
        assertEquals(303, page.statusCode());
        assertEquals("/sign-in?next=%2Fruns%2Fnew", page.headers().firstValue("Location").orElse(null));
        HttpResponse<String> form = Raw.send(base(), "GET", "/sign-in?next=%2Fruns%2Fnew", null, h());
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("name=\"token\"") && form.body().contains("value=\"/runs/new\""));

        HttpResponse<String> wrong = Raw.send(base(), "POST", "/sign-in", "token=nope&next=%2F",
                h("Content-Type", FORM, "Origin", origin()));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());

        String cookie = signIn();
        assertEquals(200, Raw.send(base(), "GET", "/runs/new", null, h("Cookie", cookie)).statusCode());
        assertEquals(200, Raw.send(base(), "GET", "/api/runs", null, h("Cookie", cookie)).statusCode());
        assertEquals(303, Raw.send(base(), "GET", "/", null, h("Cookie", SessionCookie.NAME + "=1.forged"))
                .statusCode(), "a forged cookie is no session");

        // A run started through the API finishes: the app's own calls to its simulator carry the token.
        HttpResponse<String> created = Raw.send(base(), "POST", "/api/runs", QUICK_RUN,
                h("Content-Type", "application/json", "Authorization", "Bearer " + TokenProfile.TOKEN));
        assertEquals(201, created.statusCode(), created.body());
        String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        String status = "";
        String view = "";
        for (int i = 0; i < 600 && !status.matches("DONE|FAILED|CANCELLED|BUDGET_EXHAUSTED"); i++) {
            Thread.sleep(200);
            view = Raw.send(base(), "GET", "/api/runs/" + id, null, h("Cookie", cookie)).body();
            status = view.replaceAll("(?s).*?\"status\":\"([A-Z_]+)\".*", "$1");
        }
        var run = new com.fasterxml.jackson.databind.ObjectMapper().readTree(view);
        assertTrue(run.path("usage").path("calls").asLong() > 0, view);
        assertEquals(0, run.path("usage").path("failures").asLong(), "no call was refused: " + view);
        // the embedder's native libraries load parent-first under the test profile, so this app embeds too
        assertEquals("DONE", status, view);

        // The run page's export buttons are plain links: the session cookie is enough.
        HttpResponse<String> md = Raw.send(base(), "GET", "/api/runs/" + id + "/export?format=markdown", null,
                h("Cookie", cookie));
        assertEquals(200, md.statusCode());
        assertTrue(md.body().startsWith("# PICACO run"));
        assertEquals(200, Raw.send(base(), "GET", "/api/runs/" + id + "/export?format=json", null,
                h("Cookie", cookie)).statusCode());
        assertTrue(Raw.send(base(), "GET", "/runs/" + id, null, h("Cookie", cookie)).body()
                .contains("/api/runs/" + id + "/export?format=markdown"));
    }

    static final String EXPERIMENT = "compositions=helpfulness-4&methods=picaco&targets=target&repeats=1"
            + "&preset=quick&op=estimate";

    @Test
    void crossSiteWritesAreRefusedEvenWithTheSessionCookie() {
        String cookie = signIn();
        String body = "source=builtin&composition=helpfulness-4&querySource=builtin&preset=quick&op=estimate";
        for (Map<String, String> bad : new Map[] {
                h("Origin", "http://evil.example"),
                h("Origin", "null"),
                h("Referer", "http://evil.example/page"),
                h() }) {
            Map<String, String> headers = new HashMap<>(bad);
            headers.put("Cookie", cookie);
            headers.put("Content-Type", FORM);
            HttpResponse<String> r = Raw.send(base(), "POST", "/runs", body, headers);
            assertEquals(403, r.statusCode(), "POST /runs with " + bad);
            assertEquals(403, Raw.send(base(), "POST", "/experiments", EXPERIMENT, headers).statusCode(),
                    "POST /experiments with " + bad);
            assertEquals(403, Raw.send(base(), "POST", "/api/runs", "{}",
                    Map.of("Cookie", cookie, "Content-Type", "application/json")).statusCode());
        }
        assertEquals(403, Raw.send(base(), "POST", "/sign-in", "token=" + TokenProfile.TOKEN,
                h("Content-Type", FORM, "Origin", "http://evil.example")).statusCode(), "no login CSRF either");
        assertEquals(200, Raw.send(base(), "POST", "/runs", body,
                h("Cookie", cookie, "Content-Type", FORM, "Origin", origin())).statusCode());
        assertEquals(200, Raw.send(base(), "POST", "/runs", body,
                h("Cookie", cookie, "Content-Type", FORM, "Referer", origin() + "/runs/new")).statusCode());
        assertEquals(200, Raw.send(base(), "POST", "/experiments", EXPERIMENT,
                h("Cookie", cookie, "Content-Type", FORM, "Origin", origin())).statusCode());
        // API clients send the bearer header, which no cross-site page can add: no Origin check.
        assertEquals(200, Raw.send(base(), "POST", "/api/runs/estimate", "{\"composition\":\"helpfulness-4\"}",
                h("Content-Type", "application/json", "Authorization", "Bearer " + TokenProfile.TOKEN,
                        "Origin", "http://evil.example")).statusCode());
    }

    @Test
    void securityHeadersOnEveryResponse() {
        String bearer = "Bearer " + TokenProfile.TOKEN;
        Object[][] cases = {
                { "/q/health", h(), 200 },
                { "/picaco.css", h(), 200 },
                { "/sign-in", h(), 200 },
                { "/api/runs", h(), 401 },
                { "/", h(), 303 },
                { "/api/runs/nope", h("Authorization", bearer), 404 },
                { "/nope.txt", h("Authorization", bearer), 404 },
                { "/q/metrics", h("Authorization", bearer), 200 },
                { "/sim/v1/models", h("Authorization", bearer), 200 },
                { "/api/runs", h("Authorization", bearer, "Content-Type", "application/json"), 413 },
        };
        for (Object[] c : cases) {
            // the last case is a body over quarkus.http.limits.max-body-size: Vert.x itself answers
            String body = (int) c[2] == 413 ? "[" + " ".repeat(11 * 1024 * 1024) + "]" : null;
            @SuppressWarnings("unchecked")
            HttpResponse<String> r = Raw.send(base(), body == null ? "GET" : "POST", (String) c[0], body,
                    (Map<String, String>) c[1]);
            assertEquals(c[2], r.statusCode(), c[0] + ": " + r.body());
            assertEquals(CSP, r.headers().firstValue("Content-Security-Policy").orElse(null), (String) c[0]);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), (String) c[0]);
            assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(null), (String) c[0]);
            assertFalse(r.body().contains("at io.") || r.body().contains("Exception"), c[0] + ": " + r.body());
        }
    }
}
