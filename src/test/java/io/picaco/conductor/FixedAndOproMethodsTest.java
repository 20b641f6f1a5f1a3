package io.picaco.conductor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The paper's baselines as ordinary runs: bare, Q+IF and URIAL evaluate one fixed instruction and never optimize;
 * OPRO optimizes without pools; the no-redundancy ablation runs the whole loop. All on the same held-out queries as
 * a PICACO run with the same seed.
 */
@QuarkusTest
class FixedAndOproMethodsTest {
    static final String COMPOSITION = "modern-liberalism-4";

    @Test
    void fixedMethodsOnlyEvaluateTheirInstruction() throws Exception {
        JsonPath bare = finished(start("bare", ""));
        JsonPath qIf = finished(start("q+if", ""));
        JsonPath urial = finished(start("urial", ""));
        for (JsonPath run : List.of(bare, qIf, urial)) {
            assertEquals(Set.of("EVAL_SAMPLE", "EVAL_SCORE"), run.getMap("usage.byPhase").keySet(), run.prettify());
            assertTrue(run.getList("trajectory").isEmpty());
        }
        assertEquals(bare.getMap("evaluation.bare"), bare.getMap("evaluation.optimized"));
        assertEquals(qIf.getMap("evaluation.seed"), qIf.getMap("evaluation.optimized"));
        // Every held-out mean carries its 95 % bootstrap interval over the held-out queries.
        float mean = qIf.getFloat("evaluation.optimized.mean");
        List<Float> ci = qIf.getList("evaluation.optimized.ci", Float.class);
        assertTrue(ci.get(0) <= mean && mean <= ci.get(1) && ci.get(0) < ci.get(1), mean + " " + ci);
        String id = qIf.getString("id");
        given().get("/api/runs/" + id + "/export?format=markdown").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("mean [95 % CI]"));
        given().get("/runs/" + id).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Mean rating [95 % CI over held-out queries]"));
        // The same seed gives the same held-out queries and samples: Q+IF's figures are the same in both runs.
        assertEquals(bare.getMap("evaluation.seed"), qIf.getMap("evaluation.seed"));

        assertTrue(urial.getString("best.text").startsWith("You are a careful AI assistant"),
                urial.getString("best.text"));
        // URIAL's three demonstrations travel as earlier chat turns with each of its held-out calls.
        long urialTokens = inputTokens(urial) - inputTokens(qIf);
        int calls = urial.getInt("parameters.heldOutQueries") * urial.getInt("parameters.evalSamples");
        assertTrue(urialTokens > 200L * calls, "URIAL's extra input tokens: " + urialTokens + " over " + calls + " calls");
    }

    @Test
    void oproOptimizesWithoutPoolsAndNoRedundancyRunsTheWholeLoop() throws Exception {
        JsonPath opro = finished(start("opro", ",\"iterations\":2"));
        Map<String, Object> phases = opro.getMap("usage.byPhase");
        assertFalse(phases.containsKey("NOISY_SAMPLE"), phases.keySet().toString());
        assertTrue(phases.containsKey("PROPOSE"), phases.keySet().toString());
        assertEquals(List.of(0, 1, 2), opro.getList("trajectory.iteration", Integer.class));

        JsonPath noRedundancy = finished(start("picaco-no-redundancy", ",\"iterations\":2"));
        assertTrue(noRedundancy.getMap("usage.byPhase").containsKey("NOISY_SAMPLE"));
        assertEquals("picaco-no-redundancy", noRedundancy.getString("parameters.method"));
    }

    @Test
    void urialWithCustomValuesNeedsExamples() {
        given().contentType("application/json").body("""
                {"method":"urial","values":[{"id":"a","name":"A","definition":"Being a."},
                 {"id":"b","name":"B","definition":"Being b."}],
                 "queries":["q1?","q2?","q3?","q4?","q5?","q6?"]}""")
                .post("/api/runs").then().statusCode(400).body("violations.field", hasItem("examples"));
    }

    private static long inputTokens(JsonPath run) {
        return run.getLong("usage.byPhase.EVAL_SAMPLE.inputTokens");
    }

    private static String start(String method, String more) {
        return MethodRuns.start(COMPOSITION, 9, method, more);
    }

    private static JsonPath finished(String id) throws InterruptedException {
        return MethodRuns.finished(id);
    }
}
