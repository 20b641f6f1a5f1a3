package io.picaco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Kills the packaged app with SIGKILL in the middle of a run, starts it again on the same database, and checks
 * that the run completes with no iteration executed twice, no pool entry lost, and the same result as an
 * uninterrupted run with the same seed.
 */
class CrashResumeIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String RUN = "{\"composition\":\"confucianism-4\",\"seed\":7}";

    @Test
    void aKilledRunResumesWhereItWasAndLosesNothing() throws Exception {
        Path dir = Files.createTempDirectory("picaco-crash");
        int port = freePort();
        Process app = start(dir, port, 1);
        String id = post(port, "/api/runs", RUN).get("id").asText();

        JsonNode atKill = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode run = get(port, "/api/runs/" + id);
            if (run.get("iteration").asInt() >= 2 && run.get("phase").asText().matches("SAMPLE|SCORE")) {
                atKill = run;
                break;
            }
            Thread.sleep(50);
        }
        assertTrue(atKill != null, "the run never reached iteration 2");
        app.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no graceful anything
        assertEquals("RUNNING", atKill.get("status").asText(), "killed before the run finished");

        Process again = start(dir, port, 2);
        try {
            JsonNode done = awaitDone(port, id);
            JsonNode export = get(port, "/api/runs/" + id + "/export?format=json");

            // every iteration proposed exactly once, and the trajectory has each iteration once
            Map<Integer, Long> proposes = stream(export.get("steps"))
                    .filter(s -> s.get("phase").asText().equals("PROPOSE"))
                    .collect(Collectors.groupingBy(s -> s.get("iteration").asInt(), Collectors.counting()));
            assertEquals(Map.of(1, 1L, 2, 1L, 3, 1L, 4, 1L), proposes);
            assertEquals(List.of(0, 1, 2, 3, 4), stream(done.get("trajectory")).map(t -> t.get("iteration").asInt())
                    .toList());
            Set<String> shards = new HashSet<>();
            stream(export.get("steps")).forEach(s -> assertTrue(shards.add(s.get("phase").asText() + "/"
                    + s.get("iteration").asInt() + "/" + s.get("shard").asInt()), "shard recorded twice"));

            // pools are full: M2 = 3 noisy and M1 = 4 aligned entries for each of the N = 12 training queries
            assertEquals(12 * 3, export.get("noisyPool").size());
            assertEquals(12 * 4, export.get("alignedPool").size());

            // the same seed without a crash gives the same result
            String control = post(port, "/api/runs", RUN).get("id").asText();
            JsonNode clean = awaitDone(port, control);
            assertEquals(clean.get("best").get("text").asText(), done.get("best").get("text").asText());
            assertEquals(clean.get("best").get("jHat").asDouble(), done.get("best").get("jHat").asDouble(), 1e-12);
            assertEquals(clean.get("evaluation").toString(), done.get("evaluation").toString());
        } finally {
            again.destroy();
            again.waitFor();
        }
    }

    static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        java.util.List<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list.stream();
    }

    static Process start(Path dir, int port, int n) throws Exception {
        Process p = new ProcessBuilder("java", "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE",
                "-Dpicaco.sim.latency=20ms", "-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath()
                        .toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("app-" + n + ".log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                get(port, "/api/compositions");
                return p;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("the app did not start; see " + dir.resolve("app-" + n + ".log"));
    }

    static JsonNode awaitDone(int port, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode run = get(port, "/api/runs/" + id);
            if (!run.get("status").asText().matches("QUEUED|RUNNING")) {
                assertEquals("DONE", run.get("status").asText(), run.toString());
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + id + " did not finish");
    }

    static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " -> " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    static JsonNode post(int port, String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
