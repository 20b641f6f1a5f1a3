package io.picaco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Kills the packaged app with SIGKILL in the middle of an experiment's grid, starts it again on the same database,
 * and checks that the experiment finishes with the same report as the same experiment run without a crash (and
 * without a cache) in another instance. Calls and cost are left out of the comparison (the resumed grid is served
 * partly from the durable cache), and so are the run ids.
 */
class ExperimentCrashIT {
    static final String EXPERIMENT = """
            {"compositions": ["harmlessness-4"], "methods": ["q+if", "opro", "picaco"], "repeats": 2, "seed": 3,
             "preset": "quick", "iterations": 2}""";

    @Test
    void aKilledExperimentResumesAndEndsWithTheSameReport() throws Exception {
        Path dir = Files.createTempDirectory("picaco-experiment-crash");
        int port = AppProcess.freePort();
        AppProcess app = AppProcess.start(dir, "crash", port, "picaco.sim.latency=20ms");
        String id = app.create("/api/experiments", EXPERIMENT).get("id").asText();
        JsonNode atKill = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode e = app.get("/api/experiments/" + id);
            if (e.get("progress").get("runsDone").asInt() >= 1 && "RUNNING".equals(e.get("status").asText())) {
                atKill = e;
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(atKill != null, "the experiment never had a finished run while others ran");
        app.kill(); // mid-grid: some runs done, others running or queued

        int controlPort = AppProcess.freePort();
        try (AppProcess again = AppProcess.start(dir, "crash", port);
                AppProcess control = AppProcess.start(dir, "control", controlPort, "picaco.cache.enabled=false")) {
            String controlId = control.create("/api/experiments", EXPERIMENT).get("id").asText();
            JsonNode resumed = awaitFinished(again, id);
            JsonNode clean = awaitFinished(control, controlId);
            assertEquals("DONE", resumed.get("status").asText(), resumed.toString());
            assertEquals("DONE", clean.get("status").asText(), clean.toString());
            assertEquals(atKill.get("progress").get("runsTotal"), resumed.get("progress").get("runsTotal"));
            assertEquals(withoutSpend(clean.get("cells")).toPrettyString(),
                    withoutSpend(resumed.get("cells")).toPrettyString());
            System.out.printf("experiment-crash: killed at %s of %s runs done; resumed report equals the clean one%n",
                    atKill.get("progress").get("runsDone"), atKill.get("progress").get("runsTotal"));
        }
    }

    private static JsonNode awaitFinished(AppProcess app, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(600).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode e = app.get("/api/experiments/" + id);
            if (!e.get("status").asText().matches("QUEUED|RUNNING")) {
                return e;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("experiment " + id + " did not finish");
    }

    /** The cells without what the cache changes (calls and cost) and the run ids; every statistic stays. */
    private static JsonNode withoutSpend(JsonNode cells) {
        JsonNode copy = cells.deepCopy();
        copy.forEach(cell -> cell.get("methods").forEach(m -> ((ObjectNode) m).remove(java.util.List.of("calls",
                "cost", "runs"))));
        return copy;
    }
}
