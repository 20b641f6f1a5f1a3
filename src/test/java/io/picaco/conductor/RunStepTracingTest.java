package io.picaco.conductor;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With tracing on, every unit of a run's work is a span naming the run, its phase, iteration and method. */
@QuarkusTest
@TestProfile(RunStepTracingTest.TracingOn.class)
class RunStepTracingTest {

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.enabled", "false",
                    "quarkus.otel.bsp.schedule.delay", "50ms");
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aRunLeavesOneSpanPerStepOfEveryPhase() throws Exception {
        String id = given().contentType("application/json")
                .body("{\"composition\":\"harmlessness-4\",\"seed\":3,\"iterations\":1}")
                .post("/api/runs").then().statusCode(201).extract().path("id");
        String status = "QUEUED";
        for (int i = 0; i < 600 && !Set.of("DONE", "FAILED").contains(status); i++) {
            Thread.sleep(200);
            status = given().get("/api/runs/" + id).then().extract().path("status");
        }
        assertEquals("DONE", status);
        Thread.sleep(300); // the batch processor exports every 50 ms

        List<SpanData> mine = spans.getFinishedSpanItems().stream()
                .filter(s -> id.equals(s.getAttributes().get(PhaseRunner.RUN))).toList();
        Set<String> phases = mine.stream().map(s -> s.getAttributes().get(PhaseRunner.PHASE))
                .collect(Collectors.toSet());
        assertEquals(Set.of("NOISY_SAMPLE", "NOISY_SCORE", "SAMPLE", "SCORE", "SELECT", "PROPOSE", "EVAL_SAMPLE",
                "EVAL_SCORE"), phases);
        assertTrue(mine.stream()
                .allMatch(s -> s.getName().equals("run step " + s.getAttributes().get(PhaseRunner.PHASE))));
        assertTrue(mine.stream().allMatch(s -> "picaco".equals(s.getAttributes().get(PhaseRunner.METHOD))));
        assertEquals(Set.of(0L, 1L), mine.stream()
                .filter(s -> "SELECT".equals(s.getAttributes().get(PhaseRunner.PHASE)))
                .map(s -> s.getAttributes().get(PhaseRunner.ITERATION)).collect(Collectors.toSet()));
    }
}
