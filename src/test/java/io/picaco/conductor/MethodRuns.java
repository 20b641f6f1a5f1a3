package io.picaco.conductor;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import io.restassured.path.json.JsonPath;

/** Test helper: start a run of a given method through the API and wait until it is DONE. */
final class MethodRuns {
    private MethodRuns() {
    }

    /** @param more further request fields, each starting with a comma */
    static String start(String composition, int seed, String method, String more) {
        return given().contentType("application/json")
                .body("{\"composition\":\"" + composition + "\",\"seed\":" + seed + ",\"method\":\"" + method + "\""
                        + more + "}")
                .post("/api/runs").then().statusCode(201).extract().path("id");
    }

    static JsonPath finished(String id) throws InterruptedException {
        for (int i = 0; i < 900; i++) {
            JsonPath run = given().get("/api/runs/" + id).then().statusCode(200).extract().jsonPath();
            if (Set.of("DONE", "FAILED", "CANCELLED", "BUDGET_EXHAUSTED").contains(run.getString("status"))) {
                assertEquals("DONE", run.getString("status"), run.prettify());
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + id + " did not finish");
    }
}
