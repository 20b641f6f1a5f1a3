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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Not a test: prints start-up and memory figures of the packaged app, measured side by side in one run.
 * {@code ./mvnw verify -Pbenchmark-startup} builds the JVM package (with its AppCDS archive), the slim step-instance
 * package (target/functions) and the Lambda package (target/lambda) first.
 *
 * <ol>
 * <li>the full app (fresh H2 file): time from {@code java} to the first 200 from {@code POST /select}, RSS idle;</li>
 * <li>{@code QUARKUS_PROFILE=functions} on the same package, then on the slim package: the same figures, and RSS
 * after 100 {@code /score} calls (in-process MiniLM; the judge is the full app's simulator);</li>
 * <li>the full app again: RSS after 100 {@code /score} calls and after a quick HH-Balance-8 run;</li>
 * <li>the size of target/lambda/function.zip.</li>
 * </ol>
 * Every process runs with {@code bench.java-options} and {@code bench.env} (default: the options and malloc settings
 * of docs/startup.md), from its package directory, so that the relative AppCDS archive is found. RSS is {@code VmRSS} of /proc/PID/status.
 */
public class StartupBenchmark {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    public static final String OPTIONS = "-XX:SharedArchiveFile=app-cds.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "
            + "-Xms32m -Xmx256m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30";
    /**
     * glibc's malloc settings of every packaged launch (docs/startup.md): at most two arenas, and a fixed mmap threshold,
     * so that the embedder's large buffers go back to the system when freed instead of raising the threshold and
     * staying in an arena. Measured: 25-30 MB less RSS after 100 /score calls, the same embeddings bit for bit.
     */
    public static final String MALLOC = "MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072";
    static final String SELECT = """
            {"values": ["care", "candour"], "instructions": [{"id": "e0", "responses": [
              {"id": "r1", "queryId": "q1", "ratings": {"care": 2, "candour": 3}, "redundancy": 0.4}]}]}""";
    static final String VALUES = """
            [{"id":"care","name":"Care","definition":"Looking after people and their needs."},
             {"id":"candour","name":"Candour","definition":"Saying plainly what is true, also when it is unwelcome."}]""";

    /** Environment variables of every process started (MALLOC, or -Dbench.env="K=V ..."; "" for none). */
    static Map<String, String> launchEnv = Map.of();

    /** {@code cpuMillis}: user + system CPU time of the process when it first answered, which other load hardly moves. */
    record App(Process process, int port, long readyMillis, long cpuMillis) {
        long rssKb() throws IOException {
            return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                    .findFirst().orElse(-1);
        }

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    @Test
    void run() throws Exception {
        Path full = Path.of(System.getProperty("bench.app", "target/quarkus-app")).toAbsolutePath();
        Path slim = Path.of(System.getProperty("bench.functions-app", "target/functions/quarkus-app")).toAbsolutePath();
        Path zip = Path.of(System.getProperty("bench.lambda-zip", "target/lambda/function.zip")).toAbsolutePath();
        List<String> options = Arrays.asList(System.getProperty("bench.java-options", OPTIONS).trim().split("\\s+"));
        launchEnv = environment(System.getProperty("bench.env", MALLOC));
        Path work = Files.createTempDirectory("picaco-startup");
        System.out.printf(Locale.ROOT, "%nPICACO start-up benchmark (%d cores), java options: %s, environment: %s%n",
                Runtime.getRuntime().availableProcessors(), String.join(" ", options), launchEnv);

        List<String> lines = new ArrayList<>();
        App app = start(full, options, null, Map.of("QUARKUS_DATASOURCE_JDBC_URL",
                "jdbc:h2:file:" + work.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"), work.resolve("full.log"));
        long fullReady = app.readyMillis();
        Thread.sleep(3000);
        long fullIdle = app.rssKb();
        String judge = "http://localhost:" + app.port() + "/sim/v1";

        long[] fn = functions(full, options, judge, work, "functions.log");
        lines.add(row("functions (same package)", fn[0], fn[3], fn[1], fn[2], -1));
        long[] fnSlim = Files.exists(slim.resolve("quarkus-run.jar"))
                ? functions(slim, options, judge, work, "functions-slim.log") : null;
        if (fnSlim != null) {
            lines.add(row("functions (slim package)", fnSlim[0], fnSlim[3], fnSlim[1], fnSlim[2], -1));
        }

        score100(app.port());
        long fullScored = app.rssKb();
        String status = quickRun(app.port());
        long fullRun = app.rssKb();
        app.stop();
        lines.add(0, row("full app", fullReady, app.cpuMillis(), fullIdle, fullScored, fullRun));

        System.out.printf(Locale.ROOT, "%n%-26s %10s %12s %10s %14s %16s%n", "", "ready (ms)", "CPU to ready",
                "RSS idle", "RSS 100 /score", "RSS quick run");
        lines.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "(quick run: %s; CPU in ms, RSS in MB; load average when done: %s)%n", status,
                Files.readString(Path.of("/proc/loadavg")).trim());
        long zipBytes = Files.exists(zip) ? Files.size(zip) : -1;
        System.out.printf(Locale.ROOT, "Lambda package %s: %.1f MB%n", zip, zipBytes / 1e6);
        if (zipBytes > 0) {
            System.out.println("Lambda package run locally through its handler (QUARKUS_PROFILE=functions): "
                    + lambdaLocally(zip, options, work));
        }
        System.out.println();

        long best = fnSlim == null ? fn[0] : Math.min(fn[0], fnSlim[0]);
        System.out.println("targets:");
        target("functions ready <= 1/3 of the full app (same package)", fn[0] * 3 <= fullReady,
                String.format(Locale.ROOT, "%.2f of it", fn[0] / (double) fullReady));
        if (fnSlim != null) {
            target("functions ready <= 1/3 of the full app (slim package)", fnSlim[0] * 3 <= fullReady,
                    String.format(Locale.ROOT, "%.2f of it", fnSlim[0] / (double) fullReady));
        }
        target("functions RSS after 100 /score < 200 MB", fn[2] < 200 * 1024 && (fnSlim == null || fnSlim[2] < 200 * 1024),
                mb(fn[2]) + (fnSlim == null ? "" : " / " + mb(fnSlim[2])) + " MB");
        target("functions CPU to ready <= 1/3 of the full app's (slim package)", fnSlim != null && fnSlim[3] * 3 <= app.cpuMillis(),
                fnSlim == null ? "no slim package" : String.format(Locale.ROOT, "%.2f of it", fnSlim[3] / (double) app.cpuMillis()));
        target("full app ready < 3 s", fullReady < 3000, fullReady + " ms (fastest functions: " + best + " ms)");
        target("full app RSS after a quick run < 350 MB", fullRun < 350 * 1024, mb(fullRun) + " MB");
        target("function.zip < 80 MB", zipBytes >= 0 && zipBytes < 80_000_000L,
                String.format(Locale.ROOT, "%.1f MB", zipBytes / 1e6));
    }

    /** Unpacks function.zip and runs {@link LambdaLocal} on it: ms to the /select and /score answers. */
    static String lambdaLocally(Path zip, List<String> options, Path work) throws Exception {
        Path dir = work.resolve("lambda");
        Process unzip = new ProcessBuilder("unzip", "-q", zip.toString(), "-d", dir.toString()).inheritIO().start();
        if (unzip.waitFor() != 0) {
            return "could not unpack";
        }
        List<String> cmd = new ArrayList<>(List.of("java"));
        // the JVM options minus the archive, which belongs to the fast-jar
        options.stream().filter(o -> !o.startsWith("-XX:SharedArchiveFile")).forEach(cmd::add);
        cmd.addAll(List.of("-Dquarkus.log.level=WARN", "-cp", dir + ":" + dir + "/lib/*:"
                + Path.of("target/test-classes").toAbsolutePath(), LambdaLocal.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(launchEnv);
        pb.environment().put("QUARKUS_PROFILE", "functions");
        pb.environment().put("DJL_CACHE_DIR", work.resolve("djl").toString());
        Process p = pb.start();
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
        p.waitFor();
        StringBuilder out = new StringBuilder();
        for (String l : lines) {
            String[] parts = l.split(" ", 3);
            if (parts.length == 3 && parts[0].startsWith("/")) {
                out.append(parts[0]).append(parts[2].startsWith("{\"statusCode\":200") ? " answered 200 after "
                        : " FAILED after ").append(parts[1]).append(" ms; ");
            }
        }
        Files.write(work.resolve("lambda.log"), lines);
        return out.length() == 0 ? "no answer; see " + work.resolve("lambda.log") : out.toString();
    }

    /** A step instance: ready, idle RSS, RSS after 100 /score calls. */
    static long[] functions(Path dir, List<String> options, String judge, Path work, String log) throws Exception {
        App fn = start(dir, options, "functions", Map.of("PICACO_JUDGE_BASE_URL", judge), work.resolve(log));
        try {
            long ready = fn.readyMillis();
            Thread.sleep(3000);
            long idle = fn.rssKb();
            score100(fn.port());
            return new long[] { ready, idle, fn.rssKb(), fn.cpuMillis() };
        } finally {
            fn.stop();
        }
    }

    static App start(Path dir, List<String> options, String profile, Map<String, String> env, Path log)
            throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of("java"));
        cmd.addAll(options);
        cmd.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.log.level=WARN", "-jar", "quarkus-run.jar"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(launchEnv);
        pb.environment().putAll(env);
        if (profile != null) {
            pb.environment().put("QUARKUS_PROFILE", profile);
        }
        long t0 = System.nanoTime();
        Process p = pb.start();
        HttpRequest select = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/select"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(SELECT)).build();
        while (true) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the app stopped; see " + log);
            }
            try {
                if (HTTP.send(select, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return new App(p, port, (System.nanoTime() - t0) / 1_000_000, cpuMillis(p.pid()));
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() - t0 > 120_000_000_000L) {
                p.destroyForcibly();
                throw new IllegalStateException("no answer from /select within 120 s; see " + log);
            }
            Thread.sleep(10);
        }
    }

    /** 100 /score calls of two responses each, one after another, every one answered. */
    static void score100(int port) throws Exception {
        for (int i = 0; i < 100; i++) {
            String body = """
                    {"values": %s, "seed": %d, "items": [
                      {"id": "a", "query": "Should I tell my friend the truth about her plan?", "response": "Tell her kindly, answer %d."},
                      {"id": "b", "query": "My neighbour is ill. What should I do?", "response": "Bring food and ask what she needs, day %d."}]}"""
                    .formatted(VALUES, i, i, i);
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/score"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || JSON.readTree(r.body()).get("items").size() != 2) {
                throw new IllegalStateException("/score answered " + r.statusCode() + ": " + r.body());
            }
        }
    }

    static String quickRun(int port) throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/runs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"composition\":\"hh-balance-8\",\"preset\":\"quick\",\"seed\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String id = JSON.readTree(created.body()).get("id").asText();
        long t0 = System.nanoTime();
        while (true) {
            JsonNode run = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/runs/" + id)).build(), HttpResponse.BodyHandlers.ofString()).body());
            String status = run.get("status").asText();
            if (!status.matches("QUEUED|RUNNING")) {
                return String.format(Locale.ROOT, "%s after %.1f s, %d model calls", status,
                        (System.nanoTime() - t0) / 1e9, run.get("usage").get("calls").asLong());
            }
            Thread.sleep(500);
        }
    }

    static String row(String name, long readyMs, long cpuMs, long idleKb, long scoredKb, long runKb) {
        return String.format(Locale.ROOT, "%-26s %10d %12d %10s %14s %16s", name, readyMs, cpuMs, mb(idleKb),
                mb(scoredKb), runKb < 0 ? "-" : mb(runKb));
    }

    static String mb(long kb) {
        return String.format(Locale.ROOT, "%.0f", kb / 1024.0);
    }

    static void target(String what, boolean met, String figure) {
        System.out.printf(Locale.ROOT, "  [%s] %s: %s%n", met ? "met" : "NOT met", what, figure);
    }

    /** utime + stime from /proc/PID/stat, in clock ticks of 10 ms (the Linux default). */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    public static Map<String, String> environment(String assignments) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (String a : assignments.trim().split("\\s+")) {
            if (!a.isEmpty()) {
                env.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
        }
        return env;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
