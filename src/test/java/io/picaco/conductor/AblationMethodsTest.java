package io.picaco.conductor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
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
 * Methods are strategies of one loop: each ablation is an ordinary run that leaves out exactly its part, and says
 * which method it ran.
 */
@QuarkusTest
class AblationMethodsTest {

    @Test
    void withoutTheNoisyPoolNoBareResponsesAreSampledForIt() throws Exception {
        JsonPath run = finished(start("picaco-no-noisy-pool", 2));
        assertEquals("picaco-no-noisy-pool", run.getString("parameters.method"));
        Map<String, Object> byPhase = run.getMap("usage.byPhase");
        assertFalse(byPhase.containsKey("NOISY_SAMPLE"), byPhase.keySet().toString());
        assertFalse(byPhase.containsKey("NOISY_SCORE"), byPhase.keySet().toString());
        assertTrue(byPhase.containsKey("PROPOSE"), byPhase.keySet().toString());
    }

    @Test
    void aSingleRoundRunStopsAfterItsFirstIteration() throws Exception {
        JsonPath run = finished(start("picaco-single-round", 4));
        assertEquals(List.of(0, 1), run.getList("trajectory.iteration", Integer.class));
        assertEquals("picaco-single-round", run.getString("parameters.method"));
    }

    @Test
    void theDefaultMethodIsPicacoAndAnUnknownOneIsRefusedByName() {
        given().contentType("application/json").body("{\"composition\":\"confucianism-4\",\"method\":\"oprah\"}")
                .post("/api/runs").then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("violations.field", hasItem("method"))
                .body("violations.message", hasItem(containsString("picaco-single-round")));
        assertTrue(Set.of(MethodName.values()).stream().allMatch(m -> Methods.of(m).name() == m));
        assertEquals(MethodName.PICACO, Methods.of(null).name());
    }

    private static String start(String method, int iterations) {
        return MethodRuns.start("helpfulness-4", 5, method, ",\"iterations\":" + iterations);
    }

    private static JsonPath finished(String id) throws InterruptedException {
        return MethodRuns.finished(id);
    }
}
