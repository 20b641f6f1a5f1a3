package io.picaco.models;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An endpoint whose host is down, then comes up: runs naming it are refused while it is down and accepted once the
 * last check is older than the time-to-live; {@code GET /api/models} tells when it was checked.
 */
@QuarkusTest
@TestProfile(ReachabilityTtlTest.Later.class)
class ReachabilityTtlTest {
    static final int PORT = freePort();
    static final long TTL_MS = 400;

    public static class Later implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.langchain4j.openai.later.base-url", "http://127.0.0.1:" + PORT + "/v1",
                    "quarkus.langchain4j.openai.later.api-key", "secret-later-key",
                    "quarkus.langchain4j.openai.later.chat-model.model-name", "local-model",
                    "picaco.models.reachability-ttl", TTL_MS + "ms",
                    "picaco.conductor.enabled", "false");
        }
    }

    /** A free port, the same in the profile and the test (they may be loaded by different class loaders). */
    static synchronized int freePort() {
        String key = "reachability-ttl-test.port";
        if (System.getProperty(key) == null) {
            try (ServerSocket s = new ServerSocket(0)) {
                System.setProperty(key, String.valueOf(s.getLocalPort()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return Integer.parseInt(System.getProperty(key));
    }

    static final String RUN = "{\"composition\":\"helpfulness-4\",\"models\":{\"judge\":\"later\"}}";

    @Test
    void aHostThatComesUpIsAcceptedAfterTheTimeToLive() throws Exception {
        given().contentType("application/json").body(RUN).post("/api/runs").then().statusCode(400)
                .body("violations.field", hasItem("models.judge"))
                .body("violations.message", hasItem(containsString("unreachable")));
        String down = given().get("/api/models").then().statusCode(200)
                .body("find { it.name == 'later' }.reachable", equalTo(false))
                .body("find { it.name == 'later' }.lastChecked", notNullValue())
                .body(not(containsString("secret-later-key")))
                .extract().path("find { it.name == 'later' }.lastChecked");
        Instant.parse(down); // an ISO-8601 instant

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.start();
        try {
            Thread.sleep(TTL_MS + 100);
            given().contentType("application/json").body(RUN).post("/api/runs").then().log().ifValidationFails().statusCode(201);
            String up = given().get("/api/models").then().statusCode(200)
                    .body("find { it.name == 'later' }.reachable", equalTo(true))
                    .body("find { it.name == 'later' }.problem", org.hamcrest.Matchers.nullValue())
                    .extract().path("find { it.name == 'later' }.lastChecked");
            assertTrue(Instant.parse(up).isAfter(Instant.parse(down)), down + " then " + up);
        } finally {
            server.stop(0);
        }
    }
}
