package io.picaco.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.picaco.store.ModelCall;
import io.picaco.store.ResponseRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The evaluator role (ALGORITHM.md, "Roles"): its own named model, sim-evaluator on the embedded default; it rates
 * every held-out judgment and nothing else, and the run says which model rated it.
 */
@QuarkusTest
class EvaluatorRoleTest {

    @Test
    void theEvaluatorRatesTheHeldOutEvaluationAndOnlyIt() throws Exception {
        RunApi.useDoubles();
        given().when().get("/api/models").then().statusCode(200).body("name", hasItems("evaluator"))
                .body("model", hasItems("sim-evaluator"));
        long before = QuarkusTransaction.requiringNew().call(() -> ModelCall.count("model", "sim-evaluator"));
        // a seed no other test uses, so that no answer comes from the call cache
        String id = RunApi.start("{\"composition\":\"harmlessness-4\",\"seed\":90417}");
        JsonPath run = RunApi.awaitFinished(id, Duration.ofSeconds(300));
        assertEquals("DONE", run.getString("status"), run.prettify());
        assertEquals("evaluator (sim-evaluator)", run.getString("evaluator"));
        long heldOut = QuarkusTransaction.requiringNew().call(() -> ResponseRow.count(
                "runId = ?1 and split = ?2 and scored = true", id, ResponseRow.TEST));
        long evaluatorCalls = QuarkusTransaction.requiringNew().call(() -> ModelCall.count("model", "sim-evaluator")) - before;
        assertTrue(heldOut > 0);
        assertEquals(heldOut, evaluatorCalls, "one evaluator call per held-out response, none during optimization");
        // the usage a user reads charges those calls to the evaluator, not to the judge
        assertEquals(heldOut, run.getLong("usage.byRole.evaluator.calls"), run.prettify());
        assertEquals(run.getLong("usage.calls"), run.getLong("usage.byRole.target.calls")
                + run.getLong("usage.byRole.judge.calls") + run.getLong("usage.byRole.optimizer.calls") + heldOut);
        String md = given().when().get("/api/runs/" + id + "/export?format=markdown").then().statusCode(200)
                .extract().asString();
        // Markdown escapes the parentheses
        assertTrue(md.contains("Held-out evaluation rated by: evaluator \\(sim-evaluator\\)"), md);
    }
}
