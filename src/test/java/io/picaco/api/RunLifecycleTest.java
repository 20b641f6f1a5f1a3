package io.picaco.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class RunLifecycleTest {
    static final String SMALL = "{\"composition\":\"helpfulness-4\",\"iterations\":2,\"candidates\":2,\"seed\":%d}";

    @BeforeAll
    static void doubles() {
        RunApi.useDoubles();
    }

    @Test
    void startReturnsLocationAndQueuedStatus() {
        String location = given().contentType("application/json").body(SMALL.formatted(1))
                .when().post("/api/runs")
                .then().statusCode(201).body("status", equalTo("QUEUED"))
                .extract().header("Location");
        assertTrue(location.matches(".*/api/runs/[0-9a-f-]{36}"), location);
    }

    @Test
    void aRunningRunCanBeCancelledAndStopsAdvancing() throws Exception {
        String id = RunApi.start("{\"composition\":\"schwartz-10\",\"preset\":\"paper\",\"seed\":2}");
        given().post("/api/runs/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        JsonPath after = RunApi.get(id);
        Thread.sleep(1500);
        JsonPath later = RunApi.get(id);
        assertEquals("CANCELLED", later.getString("status"));
        assertEquals(after.getString("phase"), later.getString("phase"));
        assertEquals(after.getLong("usage.calls"), later.getLong("usage.calls"), "no work after the cancel");
        given().post("/api/runs/" + id + "/cancel").then().statusCode(409);
    }

    @Test
    void severalRunsProceedAtOnceAndAreListedNewestFirst() throws Exception {
        String a = RunApi.start(SMALL.formatted(11));
        String b = RunApi.start(SMALL.formatted(12));
        String c = RunApi.start(SMALL.formatted(13));
        boolean overlapped = false;
        long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < end) {
            long running = List.of(a, b, c).stream().filter(id -> RunApi.get(id).getString("status").equals("RUNNING"))
                    .count();
            overlapped |= running >= 2;
            if (List.of(a, b, c).stream().allMatch(id -> RunApi.FINISHED.contains(RunApi.get(id).getString("status")))) {
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(overlapped, "at least two runs were RUNNING at the same time");
        for (String id : List.of(a, b, c)) {
            assertEquals("DONE", RunApi.get(id).getString("status"));
        }
        List<String> ids = given().get("/api/runs").then().statusCode(200).extract().jsonPath().getList("id");
        assertTrue(ids.indexOf(c) < ids.indexOf(b) && ids.indexOf(b) < ids.indexOf(a), "newest first");
    }

    @Test
    void exportsCarryInstructionsPoolsAndStepLog() throws Exception {
        String id = RunApi.start(SMALL.formatted(21));
        JsonPath run = RunApi.awaitFinished(id, Duration.ofSeconds(60));
        assertEquals("DONE", run.getString("status"));
        JsonPath export = given().get("/api/runs/" + id + "/export?format=json")
                .then().statusCode(200).header("Content-Disposition", containsString(".json"))
                .extract().jsonPath();
        assertEquals(12, export.getList("spec.training").size());
        assertEquals(4, export.getList("spec.heldOut").size());
        assertEquals(12 * 4, export.getList("alignedPool").size(), "M1 = 4 per training query");
        assertEquals(12 * 3, export.getList("noisyPool").size(), "M2 = 3 per training query");
        List<Map<String, Object>> aligned = export.getList("alignedPool");
        aligned.forEach(p -> {
            assertTrue(p.get("tau") != null && p.get("ratings") != null && p.get("reasons") != null);
            assertTrue(p.get("query") != null && p.get("response") != null);
        });
        assertTrue(export.getList("instructions.origin").containsAll(List.of("bare", "seed", "candidate")));
        assertTrue(export.getList("steps.phase").containsAll(List.of("NOISY_SAMPLE", "PROPOSE", "SAMPLE", "SCORE",
                "EVAL_SAMPLE", "EVAL_SCORE")));
        long stepCalls = export.getList("steps.calls", Long.class).stream().mapToLong(Long::longValue).sum();
        assertEquals(run.getLong("usage.calls"), stepCalls, "usage adds up from the step log");

        given().get("/api/runs/" + id + "/export?format=markdown")
                .then().statusCode(200).contentType(containsString("text/markdown"))
                .body(containsString("# PICACO run: Helpfulness-4"))
                .body(containsString("## Held-out evaluation"))
                .body(containsString("| optimized |"))
                .body(containsString("simulated models"))
                .body(not(containsString("sim-no-key")));
    }

    @Test
    void compositionsListTheBuiltInValueSets() {
        given().get("/api/compositions").then().statusCode(200)
                .body("id", hasItems("helpfulness-4", "harmlessness-4", "hh-balance-8", "confucianism-4",
                        "modern-liberalism-4", "schwartz-10"));
        given().get("/api/compositions/hh-balance-8").then().statusCode(200)
                .body("values", hasSize(8))
                .body("tensions.a", hasItems("informativeness", "completeness"))
                .body("queries", equalTo(80));
        given().get("/api/compositions/nope").then().statusCode(404).contentType("application/problem+json");
    }
}
