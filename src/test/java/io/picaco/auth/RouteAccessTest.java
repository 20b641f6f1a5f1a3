package io.picaco.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every spelling of a route needs the token: without it a machine route answers 401 problem+json and a page
 * redirects to the sign-in form; with it the same spelling is served.
 */
@QuarkusTest
@TestProfile(TokenProfile.class)
class RouteAccessTest {
    static final String SELECT = "{\"beta\": 1.0, \"values\": [\"tradition\"], \"incumbent\": null, \"instructions\": "
            + "[{\"id\": \"c1\", \"responses\": [{\"id\": \"r1\", \"queryId\": \"q1\", \"ratings\": {\"tradition\": 4},"
            + " \"redundancy\": 0.2}]}]}";
    static final String ESTIMATE = "{\"composition\": \"helpfulness-4\", \"preset\": \"quick\"}";

    @TestHTTPResource("/")
    URL root;

    // kind: api = 401 problem+json without the token; page = 303 to /sign-in without it
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET     | /api/runs                  | api
            GET     | /api;x=1/runs              | api
            GET     | /api/runs;x=1              | api
            GET     | /api;x=1/runs;y=2          | api
            GET     | //api/runs                 | api
            GET     | /api//runs                 | api
            GET     | /%61pi/runs                | api
            GET     | /api/run%73                | api
            GET     | /x/../api/runs             | api
            GET     | /./api/./runs              | api
            GET     | /api/runs/                 | api
            HEAD    | /api/runs                  | api
            OPTIONS | /api/runs                  | api
            GET     | /api/compositions          | api
            GET     | /api;a=b/compositions;c=d  | api
            GET     | /api/models                | api
            POST    | /api/runs/estimate         | api
            GET     | /api/experiments           | api
            GET     | /api;x=1/experiments       | api
            POST    | /api;x=1/runs/estimate     | api
            POST    | /select                    | api
            GET     | /q/metrics                 | api
            GET     | /q/./metrics               | api
            GET     | /sim/v1/models             | api
            GET     | /sim;x=1/v1/models         | api
            GET     | /SIM/../sim/v1/models      | api
            GET     | /                          | page
            GET     | /;x=1                      | page
            HEAD    | /                          | page
            OPTIONS | /                          | page
            GET     | /runs/new                  | page
            GET     | /runs;x=1/new              | page
            GET     | /runs//new                 | page
            GET     | /runs/new/                 | page
            GET     | /compositions              | page
            GET     | /experiments               | page
            GET     | /experiments/new           | page
            GET     | /experiments;x=1/new       | page
            GET     | /%63ompositions            | page
            GET     | /q/health/../../compositions | page
            """)
    void needsTheToken(String method, String path, String kind) {
        String body = path.contains("estimate") ? ESTIMATE : path.contains("select") ? SELECT : null;
        Map<String, String> json = body == null ? Map.of() : Map.of("Content-Type", "application/json");

        HttpResponse<String> without = Raw.send(base(), method, path, body, json);
        if (kind.equals("api")) {
            assertEquals(401, without.statusCode(), method + " " + path + " without the token: " + without.body());
            assertEquals("Bearer", without.headers().firstValue("WWW-Authenticate").orElse(null));
            if (!method.equals("HEAD")) {
                assertEquals("application/problem+json", without.headers().firstValue("Content-Type").orElse(null));
            }
        } else {
            assertEquals(303, without.statusCode(), method + " " + path + " without the token");
            assertTrue(without.headers().firstValue("Location").orElse("").startsWith("/sign-in"),
                    without.headers().toString());
        }
        Map<String, String> wrong = new HashMap<>(json);
        wrong.put("Authorization", "Bearer " + TokenProfile.TOKEN + "x");
        int wrongStatus = Raw.send(base(), method, path, body, wrong).statusCode();
        assertTrue(wrongStatus == 401 || wrongStatus == 303, method + " " + path + " with a wrong token: " + wrongStatus);

        Map<String, String> with = new HashMap<>(json);
        with.put("Authorization", "Bearer " + TokenProfile.TOKEN);
        HttpResponse<String> ok = Raw.send(base(), method, path, body, with);
        assertTrue(ok.statusCode() >= 200 && ok.statusCode() < 300,
                method + " " + path + " with the token gave " + ok.statusCode() + ": " + ok.body());
    }

    private String base() {
        String s = root.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
