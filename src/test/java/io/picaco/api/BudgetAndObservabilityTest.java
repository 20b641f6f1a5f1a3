package io.picaco.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Budgets stop runs cleanly; usage, cost and metrics are accounted. Seeds are unique so no cache hit helps. */
@QuarkusTest
class BudgetAndObservabilityTest {

    @BeforeAll
    static void doubles() {
        RunApi.useDoubles();
    }

    @Test
    void aCallBudgetStopsTheRunWithItsBestInstructionEvaluated() throws Exception {
        String id = RunApi.start("{\"composition\":\"confucianism-4\",\"seed\":9101,\"budget\":{\"maxCalls\":260}}");
        JsonPath run = RunApi.awaitFinished(id, Duration.ofSeconds(60));
        assertEquals("BUDGET_EXHAUSTED", run.getString("status"), run.prettify());
        assertTrue(run.getLong("usage.calls") <= 260, "calls " + run.getLong("usage.calls"));
        assertTrue(run.getBoolean("budget.stopped"));
        assertTrue(run.getString("error").startsWith("budget reached"), run.getString("error"));
        // consistent: a trajectory without gaps, a best instruction, and the held-out comparison of it
        List<Integer> iterations = run.getList("trajectory.iteration", Integer.class);
        for (int i = 0; i < iterations.size(); i++) {
            assertEquals(i, iterations.get(i));
        }
        assertTrue(iterations.size() < 5, "stopped before the last iteration");
        assertNotNull(run.getString("best.text"));
        Map<String, Object> optimized = RunApi.evaluation(run, "optimized");
        assertNotNull(optimized, "the evaluation reserve was kept");
        assertEquals(run.getDouble("best.jHat"), run.getDouble("trajectory[-1].jHat"), 1e-12);
    }

    @Test
    void aBudgetTooSmallForAnythingStopsAtOnce() throws Exception {
        String id = RunApi.start("{\"composition\":\"confucianism-4\",\"seed\":9102,\"budget\":{\"maxCalls\":20}}");
        JsonPath run = RunApi.awaitFinished(id, Duration.ofSeconds(30));
        assertEquals("BUDGET_EXHAUSTED", run.getString("status"));
        assertTrue(run.getLong("usage.calls") <= 20);
        assertNull(run.get("evaluation"));
    }

    @Test
    void costIsAccountedFromPricesAndCostBudgetsHold() throws Exception {
        JsonPath estimate = given().contentType("application/json").body("{\"composition\":\"helpfulness-4\"}")
                .post("/api/runs/estimate").then().statusCode(200).extract().jsonPath();
        assertTrue(estimate.getDouble("cost") > 0, "priced endpoints give a cost estimate");
        String id = RunApi.start("{\"composition\":\"helpfulness-4\",\"seed\":9103,\"budget\":{\"maxCost\":0.05}}");
        JsonPath run = RunApi.awaitFinished(id, Duration.ofSeconds(60));
        double cost = run.getDouble("usage.cost");
        assertTrue(cost > 0 && cost <= 0.05, "cost " + cost);
        assertEquals(cost, run.getDouble("usage.byRole.target.cost") + run.getDouble("usage.byRole.judge.cost")
                + run.getDouble("usage.byRole.optimizer.cost"), 1e-9);
        assertTrue(run.getLong("usage.byRole.judge.latencyMs.p50") >= 0);
        assertTrue(run.getLong("usage.byPhase.SCORE.calls") > 0);
    }

    @Test
    void badBudgetsAndEndpointsAreRejected() {
        given().contentType("application/json").body("{\"composition\":\"helpfulness-4\",\"budget\":{\"maxCost\":-1}}")
                .post("/api/runs").then().statusCode(400).body("violations.field", hasItem("budget.maxCost"));
        given().contentType("application/json").body("{\"composition\":\"helpfulness-4\",\"budget\":{\"maxTokens\":0}}")
                .post("/api/runs").then().statusCode(400).body("violations.field", hasItem("budget.maxTokens"));
        given().contentType("application/json").body("{\"composition\":\"helpfulness-4\",\"models\":{\"target\":\"nope\"}}")
                .post("/api/runs").then().statusCode(400).body("violations.field", hasItem("models.target"))
                .body("violations.message", hasItem(containsString("unknown endpoint 'nope'")));
    }

    @Test
    void metricsAndHealth() throws Exception {
        String id = RunApi.start("{\"composition\":\"harmlessness-4\",\"seed\":9104,\"iterations\":1}");
        RunApi.awaitFinished(id, Duration.ofSeconds(60));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("picaco_model_calls_total{endpoint=\"judge\",outcome=\"ok\",role=\"judge\"}"))
                .body(containsString("picaco_model_latency_seconds"))
                .body(containsString("picaco_steps_seconds_count{outcome=\"done\",phase=\"SAMPLE\"}"));
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }
}
