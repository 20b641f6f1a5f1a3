package io.picaco.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.picaco.core.Value;

/**
 * The three simulated models behind one entry point. Every choice is seeded from a SHA-256 hash of
 * (model, messages, seed), so the same request always gets the same answer.
 */
public final class SimModels {

    public static final String TARGET = "sim-target";
    public static final String OPTIMIZER = "sim-optimizer";
    public static final String JUDGE = "sim-judge";
    public static final List<String> MODELS = List.of(TARGET, OPTIMIZER, JUDGE);

    /** One chat message. */
    public record Message(String role, String content) {
    }

    /** A completion with word-based token counts. */
    public record Reply(String content, int promptTokens, int completionTokens) {
        public int totalTokens() {
            return promptTokens + completionTokens;
        }
    }

    /** The model name is not one of {@link #MODELS}. */
    public static final class UnknownModelException extends RuntimeException {
        public UnknownModelException(String model) {
            super("The model '" + model + "' does not exist. Known models: " + String.join(", ", MODELS));
        }
    }

    /** The JSON of the requests and answers: the app's mapper, handed in by the resource that serves them. */
    private final ObjectMapper json;

    private final SimTarget target = new SimTarget();
    private final SimJudge judge = new SimJudge();
    private final SimOptimizer optimizer = new SimOptimizer();

    public SimModels(ObjectMapper json) {
        this.json = json;
    }

    public Reply complete(String model, List<Message> messages, Long seed) {
        if (model == null || !MODELS.contains(model)) {
            throw new UnknownModelException(model);
        }
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("'messages' must be a non-empty array");
        }
        Random rnd = new Random(seedOf(model, messages, seed));
        String content = switch (model) {
            case TARGET -> runTarget(messages, rnd);
            case JUDGE -> runJudge(messages);
            default -> runOptimizer(messages, rnd);
        };
        int prompt = 0;
        for (Message m : messages) {
            prompt += tokens(m.content());
        }
        return new Reply(content, prompt, tokens(content));
    }

    static long seedOf(String model, List<Message> messages, Long seed) {
        List<String> parts = new ArrayList<>();
        parts.add(model);
        parts.add(String.valueOf(seed));
        for (Message m : messages) {
            parts.add(m.role());
            parts.add(m.content());
        }
        return SimText.stableSeed(parts.toArray(String[]::new));
    }

    /** Word-based token count: ceil(words × 1.3). */
    public static int tokens(String text) {
        return (int) Math.ceil(SimText.wordCount(text) * 1.3);
    }

    private String runTarget(List<Message> messages, Random rnd) {
        String system = null;
        String query = "";
        for (Message m : messages) {
            if ("system".equals(m.role()) || "developer".equals(m.role())) {
                system = system == null ? m.content() : system + "\n" + m.content();
            } else if ("user".equals(m.role())) {
                query = m.content();
            }
        }
        return target.respond(system, query, rnd);
    }

    private String runJudge(List<Message> messages) {
        JsonNode block = TaskBlock.find(messages, json).orElse(null);
        ObjectNode root = json.createObjectNode();
        ArrayNode arr = root.putArray("ratings");
        if (block != null) {
            List<Value> values = values(block);
            for (SimJudge.Rating r : judge.judge(values, block.path("query").asText(""),
                    block.path("response").asText(""))) {
                ObjectNode n = arr.addObject();
                n.put("value", r.value());
                n.put("rating", r.rating());
                n.put("reason", r.reason());
            }
        }
        return write(root);
    }

    private String runOptimizer(List<Message> messages, Random rnd) {
        JsonNode block = TaskBlock.find(messages, json).orElse(null);
        ObjectNode root = json.createObjectNode();
        ArrayNode arr = root.putArray("instructions");
        if (block != null) {
            List<Value> values = values(block);
            List<String> trajectory = new ArrayList<>();
            for (JsonNode t : block.path("trajectory")) {
                String s = t.path("instruction").asText("");
                if (!s.isBlank()) {
                    trajectory.add(s);
                }
            }
            List<String> weakest = new ArrayList<>();
            for (JsonNode w : block.path("weakest")) {
                weakest.add(w.asText());
            }
            if (weakest.isEmpty() && block.path("trajectory").size() > 0) {
                JsonNode pv = block.path("trajectory").get(block.path("trajectory").size() - 1).path("perValue");
                List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
                pv.fields().forEachRemaining(entries::add);
                entries.sort((a, b) -> Double.compare(a.getValue().asDouble(), b.getValue().asDouble()));
                entries.forEach(e -> weakest.add(e.getKey()));
            }
            int count = Math.max(1, block.path("count").asInt(3));
            int maxLength = Math.max(50, block.path("maxLength").asInt(1500));
            if (!values.isEmpty()) {
                optimizer.propose(values, trajectory, weakest, count, maxLength, rnd).forEach(arr::add);
            }
        }
        return write(root);
    }

    static List<Value> values(JsonNode block) {
        List<Value> out = new ArrayList<>();
        for (JsonNode v : block.path("values")) {
            String id = v.path("id").asText("");
            if (id.isBlank()) {
                continue;
            }
            double w = v.path("weight").asDouble(1.0);
            out.add(new Value(id, v.path("name").asText(id), v.path("definition").asText(""), w > 0 ? w : 1.0));
        }
        return out;
    }

    /** A malformed version of a JSON answer (cut off part-way), for fault tests of the caller's repair path. */
    public static String corrupt(String json) {
        int cut = Math.max(1, (int) (json.length() * 0.6));
        return json.substring(0, Math.min(cut, json.length() - 1));
    }

    private String write(JsonNode n) {
        try {
            return json.writeValueAsString(n);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
