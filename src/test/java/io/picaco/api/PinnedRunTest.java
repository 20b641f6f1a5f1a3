package io.picaco.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.picaco.PinnedRun;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** The pinned run under the test profile: the same result as recorded (and as the packaged app gives, CrashResumeIT). */
@QuarkusTest
class PinnedRunTest {

    @Test
    void aQuickRunReproducesThePinnedResult() throws Exception {
        PinnedRun pinned = PinnedRun.CONFUCIANISM_SEED_7;
        String id = RunApi.start(pinned.request());
        JsonPath run = RunApi.awaitFinished(id, Duration.ofSeconds(120));
        assertEquals("DONE", run.getString("status"), run.prettify());
        // the raw body, so that no number passes through a float on its way to the comparison
        pinned.assertMatches(new ObjectMapper().readTree(RestAssured.get("/api/runs/" + id).asString()));
    }
}
