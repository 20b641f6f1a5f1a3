import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Replaces the AppCDS archive that Quarkus' package step made ({@code app-cds.jsa}) by one trained over a whole
 * start and a first {@code POST /select}. Quarkus records its archive in a run that stops after static
 * initialisation, so the classes of runtime initialisation (Flyway, Hibernate's start, the HTTP server, the first
 * request) were still loaded and verified on every start: about 10 % of the CPU to the first answer
 * (docs/startup.md). The archive is made the way Quarkus makes its own (same JDK, run from the package directory,
 * {@code -jar quarkus-run.jar}), so it is used wherever Quarkus' would be. Best effort: on any failure the build
 * keeps Quarkus' archive and says why.
 *
 * <p>Run by the build ({@code pom.xml}, execution {@code appcds-training}):
 * {@code java scripts/TrainAppCds.java <package dir> [quarkus profile]}; {@code -Dappcds.train.skip} skips it, and
 * so does an archive made in a container ({@code quarkus.package.jar.appcds.builder-image} or {@code use-container}),
 * which is for the image's JDK, not this one.
 */
public class TrainAppCds {
    // StartupBenchmark.SELECT's body: a single-file program cannot import the project's test classes
    static final String SELECT = "{\"values\": [\"care\", \"candour\"], \"instructions\": [{\"id\": \"e0\", \"responses\": "
            + "[{\"id\": \"r1\", \"queryId\": \"q1\", \"ratings\": {\"care\": 2, \"candour\": 3}, \"redundancy\": 0.4}]}]}";
    /** The packages' launch options (docs/startup.md), without the archive being made. */
    static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms32m", "-Xmx256m");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String profile = args.length > 1 && !args[1].isBlank() && !args[1].contains("=") ? args[1] : null;
        for (String a : args) {
            // Maven passes an unset property as its own ${...} text
            boolean container = (a.startsWith("builder-image=") && a.length() > 14 && !a.contains("${"))
                    || a.equals("use-container=true");
            if (container) {
                System.out.println("[appcds] the archive was made in a container for the image's JDK (" + a
                        + "): left as it is");
                return;
            }
        }
        Path archive = dir.resolve("app-cds.jsa");
        if (!Files.isRegularFile(archive) || !Files.isRegularFile(dir.resolve("quarkus-run.jar"))) {
            System.out.println("[appcds] no app-cds.jsa in " + dir + ": nothing to train");
            return;
        }
        Path work = Files.createTempDirectory("picaco-appcds");
        Path trained = work.resolve("trained.jsa");
        Path log = work.resolve("app.log");
        long before = Files.size(archive);
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:ArchiveClassesAtExit=" + trained));
            cmd.addAll(OPTIONS);
            cmd.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.log.level=WARN",
                    // a database of its own, thrown away with the training
                    "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + work.resolve("db") + ";WRITE_DELAY=0",
                    "-jar", "quarkus-run.jar"));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // The app on its defaults: a token, database or endpoint exported in the developer's shell would make
            // /select answer 401 or the start reach out.
            pb.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("PICACO_"));
            if (profile != null) {
                pb.environment().put("QUARKUS_PROFILE", profile);
            }
            Process app = pb.start();
            try {
                if (!answered(app, port)) {
                    System.out.println("[appcds] the app gave no 200 from /select within 120 s; keeping Quarkus' archive ("
                            + tail(log) + ")");
                    return;
                }
            } finally {
                app.destroy(); // SIGTERM: a normal exit, at which the JVM writes the archive
                if (!app.waitFor(120, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            }
            if (!Files.isRegularFile(trained) || Files.size(trained) == 0) {
                System.out.println("[appcds] the JVM wrote no archive; keeping Quarkus' archive (" + tail(log) + ")");
                return;
            }
            Files.move(trained, archive, StandardCopyOption.REPLACE_EXISTING);
            System.out.printf("[appcds] %s: trained over start-up and a first /select%s, %.1f MB (Quarkus' archive: %.1f MB)%n",
                    archive, profile == null ? "" : " (profile " + profile + ")", Files.size(archive) / 1e6,
                    before / 1e6);
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static boolean answered(Process app, int port) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest select = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/select"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(SELECT)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && app.isAlive()) {
            try {
                if (http.send(select, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        return false;
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "no log";
        }
    }
}
