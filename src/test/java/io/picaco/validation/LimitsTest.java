package io.picaco.validation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.picaco.store.Run;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The cost caps: a run estimated above the per-run limit is refused with both figures; too many active runs get 429. */
@QuarkusTest
@TestProfile(LimitsTest.Small.class)
class LimitsTest {
    public static class Small implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("picaco.limits.max-calls-per-run", "5000", "picaco.limits.max-active-runs", "2",
                    "picaco.conductor.parallel-runs", "1");
        }
    }

    static final String SMALL = "{\"composition\": \"helpfulness-4\", \"preset\": \"quick\", \"seed\": 3}";
    static final String BIG = "{\"composition\": \"helpfulness-4\", \"preset\": \"quick\", \"iterations\": 50,"
            + " \"candidates\": 16, \"samples\": 8}";

    static long runs() {
        return QuarkusTransaction.requiringNew().call(() -> Run.count());
    }

    @Test
    void aRunAboveTheCallLimitIsRefusedWithTheEstimateAndTheLimit() {
        long estimate = ((Number) given().contentType("application/json").body(BIG.replace("50,", "1,"))
                .post("/api/runs/estimate").then().statusCode(200).extract().path("calls")).longValue();
        long before = runs();
        String detail = given().contentType("application/json").body(BIG).when().post("/api/runs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("estimate"))
                .body("detail", allOf(containsString("model calls"), containsString("5,000"),
                        containsString("picaco.limits.max-calls-per-run")))
                .extract().path("detail");
        // the figure stated is the exact estimate of the same request
        long big = ((Number) given().contentType("application/json").body(BIG)
                .post("/api/runs/estimate").then().statusCode(400).extract().path("status")).longValue();
        assertEquals(400, big);
        assertEquals(true, detail.matches(".*estimated at [0-9,]+ model calls.*"), detail);
        long stated = Long.parseLong(detail.replaceAll(".*estimated at ([0-9,]+) model calls.*", "$1").replace(",", ""));
        assertEquals(true, stated > 5000 && stated > estimate, detail);
        assertEquals(before, runs(), "nothing stored");
        // the form says the same next to the settings
        given().contentType("application/x-www-form-urlencoded").formParam("source", "builtin")
                .formParam("composition", "helpfulness-4").formParam("querySource", "builtin").formParam("preset", "quick")
                .formParam("iterations", "50").formParam("candidates", "16").formParam("samples", "8")
                .formParam("op", "start").when().post("/runs")
                .then().statusCode(400).body(containsString("picaco.limits.max-calls-per-run"));
        assertEquals(before, runs(), "nothing stored");
    }

    @Test
    void tooManyActiveRunsGetA429WithRetryAfter() {
        List<String> started = new ArrayList<>();
        try {
            long active = QuarkusTransaction.requiringNew().call(() -> Run.count("status in ?1",
                    List.of(io.picaco.store.RunStatus.QUEUED, io.picaco.store.RunStatus.RUNNING)));
            for (long i = active; i < 2; i++) {
                started.add(given().contentType("application/json").body(SMALL).post("/api/runs")
                        .then().statusCode(201).extract().path("id"));
            }
            long before = runs();
            given().contentType("application/json").body(SMALL).when().post("/api/runs")
                    .then().statusCode(429).header("Retry-After", "30").contentType("application/problem+json")
                    .body("detail", containsString("picaco.limits.max-active-runs = 2"));
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("source", "builtin").formParam("composition", "helpfulness-4")
                    .formParam("querySource", "builtin").formParam("preset", "quick").formParam("op", "start")
                    .when().post("/runs").then().statusCode(429).header("Retry-After", "30")
                    .body(containsString("max-active-runs"));
            assertEquals(before, runs(), "nothing stored");
        } finally {
            started.forEach(id -> given().post("/api/runs/" + id + "/cancel"));
        }
    }
}
