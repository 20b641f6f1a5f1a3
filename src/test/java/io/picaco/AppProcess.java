package io.picaco;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The packaged app as a separate process on a loopback port, for tests that need several instances or a kill. */
final class AppProcess implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    final int port;
    final Process process;

    private AppProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** The packaged app under test (the PostgreSQL build puts it elsewhere). */
    static Path jar() {
        return Path.of(System.getProperty("it.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
    }

    /** A database URL of the given name: an H2 file, unless the tests run against a shared PostgreSQL. */
    static List<String> database(Path dir, String name) {
        String pg = System.getProperty("it.pg-url");
        if (pg != null && !pg.isBlank()) {
            return List.of("-Dquarkus.datasource.jdbc.url=" + pg,
                    "-Dquarkus.datasource.username=" + System.getProperty("it.pg-user", "picaco"),
                    "-Dquarkus.datasource.password=" + System.getProperty("it.pg-password", "picaco"));
        }
        return List.of("-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + dir.resolve(name + "-db")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"); // as the default URL: commits survive a SIGKILL
    }

    static boolean onPostgres() {
        String pg = System.getProperty("it.pg-url");
        return pg != null && !pg.isBlank();
    }

    static AppProcess start(Path dir, String name, int port, String... properties) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("java", "-Dquarkus.http.port=" + port));
        boolean ownDatabase = java.util.Arrays.stream(properties).noneMatch(p -> p.startsWith("quarkus.datasource."));
        if (ownDatabase) {
            cmd.addAll(database(dir, name));
        }
        for (String p : properties) {
            cmd.add("-D" + p);
        }
        cmd.addAll(List.of("-jar", jar().toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + "-" + System.nanoTime() + ".log").toFile()).start();
        AppProcess app = new AppProcess(port, p);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                app.get("/api/compositions");
                return app;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("the app " + name + " did not start; see its log in " + dir);
    }

    JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " -> " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    String startRun(String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/runs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new AssertionError("POST /api/runs -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("id").asText();
    }

    /** POSTs a JSON body that must be created (201); the answer's body. */
    JsonNode create(String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new AssertionError("POST " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    JsonNode awaitFinished(String id, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode run = get("/api/runs/" + id);
            if (!run.get("status").asText().matches("QUEUED|RUNNING")) {
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + id + " did not finish within " + timeout);
    }

    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(); // SIGKILL
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
