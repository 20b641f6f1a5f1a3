package io.picaco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
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
 * Two conductors on one database (an H2 server in its own process) divide three runs, each shard committed
 * exactly once; then one conductor is killed mid-run and the other takes its lease over and finishes the run.
 */
class TwoConductorsIT {
    static final String[] COMMON = { "picaco.conductor.parallel-runs=2", "picaco.conductor.lease=3s",
            "picaco.conductor.poll=200ms", "picaco.sim.latency=15ms" };

    @Test
    void twoConductorsShareTheWorkAndTakeOverADeadOnesRuns() throws Exception {
        Path dir = Files.createTempDirectory("picaco-two");
        int dbPort = AppProcess.freePort();
        File h2 = Files.list(Path.of("target/quarkus-app/lib/main")).filter(p -> p.getFileName().toString()
                .startsWith("com.h2database.h2-")).findFirst().orElseThrow().toFile();
        Process db = new ProcessBuilder("java", "-cp", h2.getAbsolutePath(), "org.h2.tools.Server", "-tcp",
                "-tcpPort", String.valueOf(dbPort), "-ifNotExists", "-baseDir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("h2.log").toFile()).start();
        String url = "quarkus.datasource.jdbc.url=jdbc:h2:tcp://localhost:" + dbPort + "/shared";
        int pa = AppProcess.freePort();
        int pb = AppProcess.freePort();
        AppProcess a = AppProcess.start(dir, "a", pa, with(url, "picaco.conductor.instance-id=conductor-a"));
        try (AppProcess b = AppProcess.start(dir, "b", pb, with(url, "picaco.conductor.instance-id=conductor-b"))) {
            // three runs, divided between the two
            List<String> ids = new ArrayList<>();
            for (String c : List.of("confucianism-4", "helpfulness-4", "harmlessness-4")) {
                ids.add(a.startRun("{\"composition\":\"" + c + "\",\"seed\":31,\"iterations\":2}"));
            }
            Set<String> instances = new HashSet<>();
            for (String id : ids) {
                JsonNode run = b.awaitFinished(id, Duration.ofSeconds(120));
                assertEquals("DONE", run.get("status").asText(), run.toString());
                JsonNode steps = b.get("/api/runs/" + id + "/export?format=json").get("steps");
                assertCommittedOnce(steps, run);
                steps.forEach(s -> instances.add(s.get("instance").asText()));
            }
            assertEquals(Set.of("conductor-a", "conductor-b"), instances, "both conductors did work");

            // kill the conductor that holds a running run; the other takes the lease over after it expires
            String victim = a.startRun("{\"composition\":\"confucianism-4\",\"seed\":32,\"iterations\":3}");
            String other = b.startRun("{\"composition\":\"modern-liberalism-4\",\"seed\":33,\"iterations\":3}");
            String heldByA = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (heldByA == null && System.nanoTime() < deadline) {
                for (String id : List.of(victim, other)) {
                    JsonNode run = b.get("/api/runs/" + id);
                    if ("conductor-a".equals(run.path("conductor").asText()) && run.get("iteration").asInt() >= 1
                            && run.get("status").asText().equals("RUNNING")) {
                        heldByA = id;
                    }
                }
                Thread.sleep(50);
            }
            assertTrue(heldByA != null, "conductor-a never held a running run");
            a.kill();
            JsonNode done = b.awaitFinished(heldByA, Duration.ofSeconds(120));
            assertEquals("DONE", done.get("status").asText(), done.toString());
            assertEquals("conductor-b", b.get("/api/runs/" + heldByA).path("conductor").asText("conductor-b"));
            JsonNode steps = b.get("/api/runs/" + heldByA + "/export?format=json").get("steps");
            assertCommittedOnce(steps, done);
            Set<String> by = new HashSet<>();
            steps.forEach(s -> by.add(s.get("instance").asText()));
            assertEquals(Set.of("conductor-a", "conductor-b"), by, "begun by a, finished by b");
            assertEquals("DONE", b.awaitFinished(other, Duration.ofSeconds(120)).get("status").asText());
        } finally {
            a.close();
            db.destroy();
            db.waitFor();
        }
    }

    /** No shard recorded twice, and sample shards add up to exactly the responses a run needs. */
    static void assertCommittedOnce(JsonNode steps, JsonNode run) {
        Set<String> keys = new HashSet<>();
        steps.forEach(s -> assertTrue(keys.add(s.get("phase").asText() + "/" + s.get("iteration").asInt() + "/"
                + s.get("shard").asInt()), "shard recorded twice: " + s));
        Map<String, Integer> items = new java.util.HashMap<>();
        steps.forEach(s -> items.merge(s.get("phase").asText(), s.get("items").asInt(), Integer::sum));
        JsonNode p = run.get("parameters");
        int n = p.get("trainingQueries").asInt();
        assertEquals(n * p.get("noisyPoolSize").asInt(), items.get("NOISY_SAMPLE"));
        assertEquals(n * p.get("noisyPoolSize").asInt(), items.get("NOISY_SCORE"));
        int evaluated = run.get("best").get("id").asLong() == run.get("seed").get("id").asLong() ? 2 : 3;
        assertEquals(evaluated * p.get("heldOutQueries").asInt() * p.get("evalSamples").asInt(),
                items.get("EVAL_SAMPLE"));
        assertEquals(items.get("EVAL_SAMPLE"), items.get("EVAL_SCORE"));
    }

    static String[] with(String... extra) {
        List<String> all = new ArrayList<>(List.of(COMMON));
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }
}
