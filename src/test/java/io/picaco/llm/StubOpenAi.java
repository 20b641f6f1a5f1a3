package io.picaco.llm;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A scriptable OpenAI-compatible server on a loopback port, for tests of the real client path: every role
 * points at it. Tests queue answers (status, headers, body, delay) and read back the requests it received.
 */
public class StubOpenAi implements QuarkusTestResourceLifecycleManager {
    static final ObjectMapper JSON = new ObjectMapper();
    static HttpServer server;
    static final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
    static final List<JsonNode> embeddingRequests = Collections.synchronizedList(new ArrayList<>());
    static final List<Map<String, List<String>>> headers = Collections.synchronizedList(new ArrayList<>());
    static final ConcurrentLinkedDeque<Function<JsonNode, Answer>> script = new ConcurrentLinkedDeque<>();
    static volatile Function<JsonNode, Answer> fallback = StubOpenAi::echo;

    public record Answer(int status, Map<String, String> headers, String body, long delayMillis) {
        static Answer ok(String content) {
            return ok(content, null);
        }

        static Answer ok(String content, String logprobs) {
            try {
                String body = "{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"stub\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                        + JSON.writeValueAsString(content) + "},\"finish_reason\":\"stop\""
                        + (logprobs == null ? "" : ",\"logprobs\":" + logprobs) + "}],"
                        + "\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":7,\"total_tokens\":18}}";
                return new Answer(200, Map.of(), body, 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static Answer error(int status, Map<String, String> headers) {
            return new Answer(status, headers, "{\"error\":{\"message\":\"stub error " + status
                    + "\",\"type\":\"stub\",\"code\":\"" + status + "\"}}", 0);
        }
    }

    /** The default answer per role: plain text for the target, valid JSON for the judge and the optimizer. */
    static Answer echo(JsonNode request) {
        String model = request.path("model").asText();
        String last = request.path("messages").get(request.path("messages").size() - 1).path("content").asText();
        if (model.equals("stub-judge")) {
            return Answer.ok(judgeAnswer(request, 4));
        }
        if (model.equals("stub-optimizer")) {
            return Answer.ok("{\"instructions\":[\"Give one concrete example for every value.\","
                    + "\"When values conflict, say how you reconcile them.\"]}");
        }
        return Answer.ok("stub answer (seed " + request.path("seed").asText() + ") to: " + last);
    }

    /** A valid judge answer rating every value of the request's JSON block. */
    static String judgeAnswer(JsonNode request, int rating) {
        StringBuilder sb = new StringBuilder("{\"ratings\":[");
        for (JsonNode m : request.path("messages")) {
            String c = m.path("content").asText();
            int start = c.indexOf("```json\n");
            if (start >= 0) {
                try {
                    JsonNode block = JSON.readTree(c.substring(start + 8, c.indexOf("\n```", start + 8)));
                    for (JsonNode v : block.path("values")) {
                        sb.append(sb.charAt(sb.length() - 1) == '[' ? "" : ",").append("{\"value\":\"")
                                .append(v.path("id").asText()).append("\",\"rating\":").append(rating)
                                .append(",\"reason\":\"stub\"}");
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                break;
            }
        }
        return sb.append("]}").toString();
    }

    public static void reset() {
        requests.clear();
        embeddingRequests.clear();
        headers.clear();
        script.clear();
        fallback = StubOpenAi::echo;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", this::handle);
        server.createContext("/v1/embeddings", this::embeddings);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        return Map.ofEntries(Map.entry("quarkus.langchain4j.openai.target.api-key", "stub-secret-key"),
                Map.entry("quarkus.langchain4j.openai.judge.api-key", "stub-secret-key"),
                Map.entry("quarkus.langchain4j.openai.optimizer.api-key", "stub-secret-key"),
                Map.entry("quarkus.langchain4j.openai.target.base-url", url),
                Map.entry("quarkus.langchain4j.openai.optimizer.base-url", url),
                Map.entry("quarkus.langchain4j.openai.judge.base-url", url),
                Map.entry("quarkus.langchain4j.openai.target.chat-model.model-name", "stub-target"),
                Map.entry("quarkus.langchain4j.openai.optimizer.chat-model.model-name", "stub-optimizer"),
                Map.entry("quarkus.langchain4j.openai.judge.chat-model.model-name", "stub-judge"),
                Map.entry("quarkus.langchain4j.openai.target.timeout", "1s"),
                Map.entry("picaco.models.backoff", "50ms"),
                Map.entry("picaco.models.max-attempts", "3"),
                Map.entry("picaco.conductor.enabled", "false"),
                Map.entry("picaco.embedder.kind", "openai"),
                Map.entry("quarkus.langchain4j.openai.embedder.base-url", url),
                Map.entry("quarkus.langchain4j.openai.embedder.embedding-model.model-name", "stub-embed"));
    }

    private void handle(HttpExchange ex) throws IOException {
        JsonNode request = JSON.readTree(ex.getRequestBody().readAllBytes());
        requests.add(request);
        headers.add(Map.copyOf(ex.getRequestHeaders()));
        Function<JsonNode, Answer> next = script.pollFirst();
        Answer a = (next == null ? fallback : next).apply(request);
        if (a.delayMillis() > 0) {
            try {
                Thread.sleep(a.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(a.status(), body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        } catch (IOException ignored) {
            // the client gave up (timeout test)
        }
    }

    /** Deterministic 3-dimensional vectors: (length, vowels, 1), so similar texts have high cosine. */
    private void embeddings(HttpExchange ex) throws IOException {
        JsonNode request = JSON.readTree(ex.getRequestBody().readAllBytes());
        embeddingRequests.add(request);
        StringBuilder data = new StringBuilder();
        JsonNode input = request.path("input");
        for (int i = 0; i < input.size(); i++) {
            String t = input.get(i).asText();
            long vowels = t.chars().filter(ch -> "aeiou".indexOf(ch) >= 0).count();
            data.append(i == 0 ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(i)
                    .append(",\"embedding\":[").append(t.length()).append(',').append(vowels).append(",1]}");
        }
        byte[] body = ("{\"object\":\"list\",\"model\":\"stub-embed\",\"data\":[" + data
                + "],\"usage\":{\"prompt_tokens\":3,\"total_tokens\":3}}").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
