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
            "picaco.conductor.poll=1s", "picaco.sim.latency=15ms" };

    @Test
    void twoConductorsShareTheWorkAndTakeOverADeadOnesRuns() throws Exception {
        Path dir = Files.createTempDirectory("picaco-two");
        // One shared database: the PostgreSQL the build was given, or else an H2 server in its own process
        // (so that killing a conductor does not take the database with it).
        Process db = null;
        String[] url;
        if (AppProcess.onPostgres()) {
            url = AppProcess.database(dir, "shared").stream().map(a -> a.substring(2)).toArray(String[]::new);
        } else {
            int dbPort = AppProcess.freePort();
            File h2 = Files.list(AppProcess.jar().getParent().resolve("lib/main")).filter(p -> p.getFileName()
                    .toString().startsWith("com.h2database.h2-")).findFirst().orElseThrow().toFile();
            db = new ProcessBuilder("java", "-cp", h2.getAbsolutePath(), "org.h2.tools.Server", "-tcp",
                    "-tcpPort", String.valueOf(dbPort), "-ifNotExists", "-baseDir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("h2.log").toFile()).start();
            url = new String[] { "quarkus.datasource.jdbc.url=jdbc:h2:tcp://localhost:" + dbPort + "/shared" };
        }
        int pa = AppProcess.freePort();
        int pb = AppProcess.freePort();
        AppProcess a = AppProcess.start(dir, "a", pa, with(url, "picaco.conductor.instance-id=conductor-a"));
        try (AppProcess b = AppProcess.start(dir, "b", pb, with(url, "picaco.conductor.instance-id=conductor-b"))) {
            System.out.println("two conductors on " + (AppProcess.onPostgres() ? "PostgreSQL" : "an H2 server"));
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

            // kill whichever conductor holds a running run; the other takes the lease over after it expires
            String r1 = a.startRun("{\"composition\":\"confucianism-4\",\"seed\":32,\"iterations\":3}");
            String r2 = b.startRun("{\"composition\":\"modern-liberalism-4\",\"seed\":33,\"iterations\":3}");
            String held = null;
            String holder = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (held == null && System.nanoTime() < deadline) {
                for (String id : List.of(r1, r2)) {
                    JsonNode run = b.get("/api/runs/" + id);
                    if (run.get("status").asText().equals("RUNNING") && run.get("iteration").asInt() >= 1
                            && run.path("conductor").asText().startsWith("conductor-")) {
                        held = id;
                        holder = run.path("conductor").asText();
                        break;
                    }
                }
                Thread.sleep(50);
            }
            assertTrue(held != null, "no conductor held a running run");
            AppProcess victim = holder.equals("conductor-a") ? a : b;
            AppProcess survivor = victim == a ? b : a;
            String survivorId = victim == a ? "conductor-b" : "conductor-a";
            victim.kill();
            JsonNode done = survivor.awaitFinished(held, Duration.ofSeconds(120));
            assertEquals("DONE", done.get("status").asText(), done.toString());
            JsonNode steps = survivor.get("/api/runs/" + held + "/export?format=json").get("steps");
            assertCommittedOnce(steps, done);
            Set<String> by = new HashSet<>();
            steps.forEach(st -> by.add(st.get("instance").asText()));
            assertEquals(Set.of(holder, survivorId), by, "begun by " + holder + ", finished by " + survivorId);
            String other = held.equals(r1) ? r2 : r1;
            assertEquals("DONE", survivor.awaitFinished(other, Duration.ofSeconds(120)).get("status").asText());
        } finally {
            a.close();
            if (db != null) {
                db.destroy();
                db.waitFor();
            }
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

    static String[] with(String[] database, String extra) {
        List<String> all = new ArrayList<>(List.of(COMMON));
        all.addAll(List.of(database));
        all.add(extra);
        return all.toArray(String[]::new);
    }
}
