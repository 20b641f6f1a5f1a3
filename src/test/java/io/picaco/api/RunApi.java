package io.picaco.api;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/** Test helpers for the run API. */
final class RunApi {
    static final Set<String> FINISHED = Set.of("DONE", "FAILED", "CANCELLED", "BUDGET_EXHAUSTED");

    private RunApi() {
    }

    static void useDoubles() {
        RestAssured.config = RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    static String start(String body) {
        return given().contentType("application/json").body(body)
                .when().post("/api/runs")
                .then().statusCode(201).extract().path("id");
    }

    static JsonPath get(String id) {
        return given().when().get("/api/runs/" + id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitFinished(String id, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            JsonPath run = get(id);
            if (FINISHED.contains(run.getString("status"))) {
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + id + " did not finish within " + timeout + ": " + get(id).prettify());
    }

    static Map<String, Object> evaluation(JsonPath run, String which) {
        return run.getMap("evaluation." + which);
    }
}
