package io.picaco;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A select function in front of the real one that answers its first request slowly (after {@code delay}) and its
 * second with a 500, then passes every request through: what a cold or overloaded serverless function does.
 */
final class FlakySelect implements AutoCloseable {
    final AtomicInteger requests = new AtomicInteger();
    private final HttpServer server;
    private final String target;
    private final Duration delay;

    FlakySelect(String target, Duration delay) throws IOException {
        this.target = target;
        this.delay = delay;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/select", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/select";
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        int n = requests.incrementAndGet();
        try {
            if (n == 2) {
                reply(ex, 500, "{\"title\":\"overloaded\"}".getBytes());
                return;
            }
            if (n == 1) {
                Thread.sleep(delay.toMillis());
            }
            HttpResponse<byte[]> r = AppProcess.HTTP.send(HttpRequest.newBuilder(URI.create(target))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            reply(ex, r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(ex, 503, new byte[0]);
        }
    }

    private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
