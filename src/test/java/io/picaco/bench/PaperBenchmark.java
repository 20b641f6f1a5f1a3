package io.picaco.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Not a test: a benchmark that prints figures. Runs a paper-size configuration (N=50, T=10, C=4, M1=10, M2=15)
 * against the packaged app's simulator with a fixed injected latency per call, once per concurrency, and prints
 * calls, tokens, wall time, the ideal wall time — for each step (phase and iteration), ⌈calls ÷ concurrency⌉ ×
 * latency, summed over the steps, which run one after another — and the ratios.
 *
 * <p>
 * {@code ./mvnw verify -Pbenchmark} (options: {@code -Dbench.concurrency=8,1 -Dbench.latency-ms=300
 * -Dbench.preset=paper -Dbench.composition=hh-balance-8 -Dbench.seed=1}).
 */
class PaperBenchmark {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    record Result(int concurrency, long calls, long tokens, double wallSeconds, double idealSeconds, int iterations,
            String status) {
    }

    @Test
    void run() throws Exception {
        int latency = Integer.getInteger("bench.latency-ms", 300);
        String preset = System.getProperty("bench.preset", "paper");
        String composition = System.getProperty("bench.composition", "hh-balance-8");
        long seed = Long.getLong("bench.seed", 1);
        List<Integer> concurrencies = java.util.Arrays.stream(System.getProperty("bench.concurrency", "8,1").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        System.out.printf(Locale.ROOT, "%nPICACO benchmark: preset %s, %s, seed %d, simulator latency %d ms per call, "
                + "cache off%n", preset, composition, seed, latency);
        List<Result> results = new java.util.ArrayList<>();
        for (int c : concurrencies) {
            Result r = once(c, latency, preset, composition, seed);
            results.add(r);
            System.out.printf(Locale.ROOT, "concurrency %2d: %s after %d iterations, %d calls, %d tokens, wall %.1f s, "
                    + "ideal %.1f s, wall/ideal %.3f%n", c, r.status(), r.iterations(), r.calls(), r.tokens(),
                    r.wallSeconds(), r.idealSeconds(), r.wallSeconds() / r.idealSeconds());
        }
        if (results.size() > 1) {
            Result first = results.get(0);
            for (Result r : results.subList(1, results.size())) {
                System.out.printf(Locale.ROOT, "speed-up of concurrency %d over concurrency %d: %.2fx (same calls: %s)%n",
                        first.concurrency(), r.concurrency(), r.wallSeconds() / first.wallSeconds(),
                        r.calls() == first.calls());
            }
        }
    }

    static Result once(int concurrency, int latencyMs, String preset, String composition, long seed) throws Exception {
        Path dir = Files.createTempDirectory("picaco-bench");
        int port = freePort();
        Process app = new ProcessBuilder("java", "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                "-Dpicaco.sim.latency=" + latencyMs + "ms", "-Dpicaco.models.concurrency=" + concurrency,
                "-Dpicaco.cache.enabled=false", "-Dquarkus.log.level=WARN",
                "-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("app.log").toFile()).start();
        try {
            await(port);
            String id = post(port, "{\"composition\":\"" + composition + "\",\"preset\":\"" + preset + "\",\"seed\":"
                    + seed + "}").get("id").asText();
            JsonNode run;
            while (true) {
                run = get(port, "/api/runs/" + id);
                if (!run.get("status").asText().matches("QUEUED|RUNNING")) {
                    break;
                }
                Thread.sleep(1000);
            }
            JsonNode export = get(port, "/api/runs/" + id + "/export?format=json");
            Map<String, Long> callsPerStep = new LinkedHashMap<>();
            export.get("steps").forEach(s -> callsPerStep.merge(s.get("phase").asText() + "/"
                    + s.get("iteration").asInt(), s.get("calls").asLong(), Long::sum));
            double ideal = callsPerStep.values().stream()
                    .mapToDouble(calls -> Math.ceil(calls / (double) concurrency) * latencyMs / 1000.0).sum();
            double wall = Duration.between(Instant.parse(run.get("startedAt").asText()),
                    Instant.parse(run.get("finishedAt").asText())).toMillis() / 1000.0;
            return new Result(concurrency, run.get("usage").get("calls").asLong(),
                    run.get("usage").get("inputTokens").asLong() + run.get("usage").get("outputTokens").asLong(), wall,
                    ideal, run.get("trajectory").size() - 1, run.get("status").asText());
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    static void await(int port) throws Exception {
        for (int i = 0; i < 120; i++) {
            try {
                get(port, "/api/compositions");
                return;
            } catch (IOException e) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("the app did not start");
    }

    static JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(path + " -> " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    static JsonNode post(int port, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/runs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
