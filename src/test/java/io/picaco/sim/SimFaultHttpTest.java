package io.picaco.sim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** S9 over HTTP: with fault-rate 1.0 every call fails with 429 (Retry-After) or 500. */
@QuarkusTest
@TestProfile(SimFaultHttpTest.AlwaysFail.class)
class SimFaultHttpTest {

    public static class AlwaysFail implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("picaco.sim.fault-rate", "1.0", "picaco.sim.latency", "20ms..40ms", "quarkus.http.test-port", "0");
        }
    }

    @Test
    void w10_faultRateOneAnswers429WithRetryAfterOr500() {
        boolean saw429 = false;
        boolean saw500 = false;
        for (int i = 0; i < 30; i++) {
            long t0 = System.nanoTime();
            Response r = given().contentType(ContentType.JSON)
                    .body(Map.of("model", "sim-target", "messages", List.of(Map.of("role", "user", "content", "hi"))))
                    .when().post("/sim/v1/chat/completions");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 20, "latency applies: " + ms + " ms");
            int status = r.statusCode();
            assertTrue(status == 429 || status == 500, "status " + status);
            r.then().body("error.message", notNullValue()).body("error.type", notNullValue());
            if (status == 429) {
                assertEquals("1", r.header("Retry-After"));
                saw429 = true;
            } else {
                saw500 = true;
            }
        }
        assertTrue(saw429 && saw500, "both kinds of fault seen");
    }
}
