package io.picaco.experiment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.picaco.store.Experiment;
import io.picaco.store.Run;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Malformed experiment requests: random changes to a valid body plus one that must be refused. Never a 5xx or a
 * stack trace, always problem+json, and nothing stored.
 */
@QuarkusTest
class ExperimentFuzzTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String VALID = """
            {"name": "fuzz", "compositions": ["helpfulness-4"], "methods": ["bare", "picaco"], "targets": ["target"],
             "repeats": 1, "seed": 3, "preset": "quick", "iterations": 1, "candidates": 2,
             "evaluation": {"heldOut": 4, "samples": 1, "querySet": null},
             "models": {"optimizer": "optimizer", "judge": "judge", "evaluator": "judge"},
             "budget": {"maxCalls": 1000}}""";
    static final List<String> FIELDS = List.of("name", "compositions", "values", "queries", "querySet", "methods",
            "targets", "repeats", "seed", "preset", "iterations", "candidates", "samples", "alignedPoolSize",
            "noisyPoolSize", "beta", "seedInstruction", "judgeMode", "maxLength", "evaluation", "models", "budget",
            "heldOut", "method", "unknown");

    final Random rnd = new Random(20261130);

    JsonNode junk() {
        return switch (rnd.nextInt(14)) {
            case 0 -> F.nullNode();
            case 1 -> F.numberNode(-1);
            case 2 -> F.numberNode(1e308);
            case 3 -> F.numberNode(99999999999L);
            case 4 -> F.textNode("x");
            case 5 -> F.textNode("<script>alert(1)</script>" + "y".repeat(rnd.nextInt(5000)));
            case 6 -> F.booleanNode(true);
            case 7 -> F.arrayNode();
            case 8 -> F.arrayNode().add(F.nullNode()).add(1);
            case 9 -> F.objectNode();
            case 10 -> F.objectNode().put("heldOut", -3).put("querySet", "nope");
            case 11 -> F.arrayNode().add("picaco").add("picaco");
            case 12 -> F.arrayNode().add("q+if");
            default -> F.numberNode(0);
        };
    }

    /** One change the API must refuse whatever else the body holds. */
    void breakOne(ObjectNode body) {
        switch (rnd.nextInt(5)) {
            case 0 -> body.set("repeats", List.of(F.numberNode(0), F.numberNode(11), F.textNode("x"), F.arrayNode())
                    .get(rnd.nextInt(4)));
            case 1 -> body.set("methods", List.of(F.arrayNode(), F.arrayNode().add("nope"), F.textNode("picaco"),
                    F.arrayNode().add(7)).get(rnd.nextInt(4)));
            case 2 -> body.set("targets", F.arrayNode().add("no-such-endpoint"));
            case 3 -> body.set("evaluation", F.objectNode().put("samples", 0));
            default -> body.put("compositions", "helpfulness-4");
        }
    }

    @Test
    void malformedRequestsNeverFailOrStore() throws Exception {
        long runs = ExperimentApiTest.count(Run.class);
        long experiments = ExperimentApiTest.count(Experiment.class);
        JsonNode base = JSON.readTree(VALID);
        for (int i = 0; i < 300; i++) {
            ObjectNode body = base.deepCopy();
            for (int m = rnd.nextInt(4); m > 0; m--) {
                body.set(FIELDS.get(rnd.nextInt(FIELDS.size())), junk());
            }
            breakOne(body);
            String text = JSON.writeValueAsString(body);
            if (i % 17 == 0) {
                text = text.substring(0, rnd.nextInt(text.length()));
            }
            String path = i % 2 == 0 ? "/api/experiments" : "/api/experiments/estimate";
            Response r = given().contentType("application/json").body(text).when().post(path);
            String what = "POST " + path + " " + text.substring(0, Math.min(300, text.length()));
            assertEquals(400, r.statusCode(), what + " gave " + r.statusCode() + ": " + r.asString());
            assertTrue(r.contentType().startsWith("application/problem+json"), what);
            assertFalse(r.asString().contains("\tat ") || r.asString().contains("Exception"), what + ": " + r.asString());
        }
        assertEquals(runs, ExperimentApiTest.count(Run.class), "nothing stored");
        assertEquals(experiments, ExperimentApiTest.count(Experiment.class));
    }
}
