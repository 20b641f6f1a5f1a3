package io.picaco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Kills the packaged app with SIGKILL in the middle of a run, starts it again on the same database, and checks
 * that the run completes with no iteration executed twice, no pool entry lost, and the same result as an
 * uninterrupted run with the same seed in another instance without a cache. Then the same run again is served
 * from the durable cache. The uninterrupted run must also be the pinned one ({@link PinnedRun}).
 */
class CrashResumeIT {
    static final String RUN = "{\"composition\":\"confucianism-4\",\"seed\":7}";

    @Test
    void aKilledRunResumesWhereItWasAndLosesNothing() throws Exception {
        Path dir = Files.createTempDirectory("picaco-crash");
        int port = AppProcess.freePort();
        AppProcess app = AppProcess.start(dir, "crash", port, "picaco.sim.latency=20ms");
        String id = app.startRun(RUN);
        JsonNode atKill = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode run = app.get("/api/runs/" + id);
            if (run.get("iteration").asInt() >= 2 && run.get("phase").asText().matches("SAMPLE|SCORE")) {
                atKill = run;
                break;
            }
            Thread.sleep(50);
        }
        assertTrue(atKill != null, "the run never reached iteration 2");
        app.kill(); // no shutdown hook, no graceful anything
        assertEquals("RUNNING", atKill.get("status").asText(), "killed before the run finished");

        int controlPort = AppProcess.freePort();
        try (AppProcess again = AppProcess.start(dir, "crash", port);
                AppProcess control = AppProcess.start(dir, "control", controlPort, "picaco.cache.enabled=false")) {
            String controlId = control.startRun(RUN);
            JsonNode done = again.awaitFinished(id, Duration.ofSeconds(120));
            assertEquals("DONE", done.get("status").asText(), done.toString());
            JsonNode export = again.get("/api/runs/" + id + "/export?format=json");

            // every iteration proposed exactly once, and the trajectory has each iteration once
            List<JsonNode> steps = new ArrayList<>();
            export.get("steps").forEach(steps::add);
            Map<Integer, Long> proposes = steps.stream().filter(s -> s.get("phase").asText().equals("PROPOSE"))
                    .collect(Collectors.groupingBy(s -> s.get("iteration").asInt(), Collectors.counting()));
            assertEquals(Map.of(1, 1L, 2, 1L, 3, 1L, 4, 1L), proposes);
            List<Integer> iterations = new ArrayList<>();
            done.get("trajectory").forEach(t -> iterations.add(t.get("iteration").asInt()));
            assertEquals(List.of(0, 1, 2, 3, 4), iterations);
            Set<String> shards = new HashSet<>();
            steps.forEach(s -> assertTrue(shards.add(s.get("phase").asText() + "/" + s.get("iteration").asInt() + "/"
                    + s.get("shard").asInt()), "shard recorded twice"));

            // pools are full: M2 = 3 noisy and M1 = 4 aligned entries for each of the N = 12 training queries
            assertEquals(12 * 3, export.get("noisyPool").size());
            assertEquals(12 * 4, export.get("alignedPool").size());

            // the same seed without a crash, and without any cache, gives the same result
            JsonNode clean = control.awaitFinished(controlId, Duration.ofSeconds(120));
            PinnedRun.CONFUCIANISM_SEED_7.assertMatches(clean); // the packaged app gives the pinned result
            assertEquals(clean.get("best").get("text").asText(), done.get("best").get("text").asText());
            assertEquals(clean.get("best").get("jHat").asDouble(), done.get("best").get("jHat").asDouble(), 1e-12);
            assertEquals(clean.get("evaluation").toString(), done.get("evaluation").toString());

            // the same run again reuses what was paid for
            JsonNode repeat = again.awaitFinished(again.startRun(RUN), Duration.ofSeconds(120));
            long paid = clean.get("usage").get("calls").asLong();
            System.out.printf("crash-resume: resumed run %d calls + %d cache hits; repeat %d calls + %d hits%n",
                    done.get("usage").get("calls").asLong(), done.get("usage").get("cacheHits").asLong(),
                    repeat.get("usage").get("calls").asLong(), repeat.get("usage").get("cacheHits").asLong());
            assertEquals(0, repeat.get("usage").get("calls").asLong(), "nothing paid twice");
            assertEquals(paid, repeat.get("usage").get("cacheHits").asLong());
            assertEquals(done.get("evaluation").toString(), repeat.get("evaluation").toString());
        }
    }
}
