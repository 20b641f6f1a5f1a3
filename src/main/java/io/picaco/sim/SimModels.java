package io.picaco.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.picaco.sim.lang.Message;
import io.picaco.sim.lang.TaskBlock;
import io.picaco.sim.lang.Text;
import io.picaco.sim.optimizer.SimOptimizer;
import io.picaco.sim.rater.SimRater;
import io.picaco.sim.target.SimTarget;

/**
 * The four simulated models behind one entry point. Each gets only the request (messages and seed); every
 * random choice is seeded from a SHA-256 hash of (model, messages, seed), so the same request always gets the
 * same answer.
 */
public final class SimModels {

    public static final String TARGET = "sim-target";
    public static final String OPTIMIZER = "sim-optimizer";
    public static final String JUDGE = "sim-judge";
    public static final String EVALUATOR = "sim-evaluator";
    public static final List<String> MODELS = List.of(TARGET, OPTIMIZER, JUDGE, EVALUATOR);

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

    private final ObjectMapper json;

    /** @param json the app's mapper, for the answers' JSON (the models read only the request's messages) */
    public SimModels(ObjectMapper json) {
        this.json = json;
    }

    private final SimTarget target = new SimTarget();
    private final SimOptimizer optimizer = new SimOptimizer();
    private final SimRater judge = SimRater.lenient();
    private final SimRater evaluator = SimRater.strict();

    public Reply complete(String model, List<Message> messages, Long seed) {
        if (model == null || !MODELS.contains(model)) {
            throw new UnknownModelException(model);
        }
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("'messages' must be a non-empty array");
        }
        Random rnd = new Random(seedOf(model, messages, seed));
        String content = switch (model) {
            case TARGET -> target.complete(messages, rnd);
            case JUDGE -> rate(judge, messages);
            case EVALUATOR -> rate(evaluator, messages);
            default -> propose(messages, rnd);
        };
        int prompt = 0;
        for (Message m : messages) {
            prompt += tokens(m.content());
        }
        return new Reply(content, prompt, tokens(content));
    }

    /** Whether answers of {@code model} are JSON that a caller parses (and so can be broken by a fault). */
    public static boolean answersJson(String model) {
        return JUDGE.equals(model) || EVALUATOR.equals(model);
    }

    static long seedOf(String model, List<Message> messages, Long seed) {
        List<String> parts = new ArrayList<>();
        parts.add(model);
        parts.add(String.valueOf(seed));
        for (Message m : messages) {
            parts.add(m.role());
            parts.add(m.content());
        }
        return Text.stableSeed(parts.toArray(String[]::new));
    }

    /** Word-based token count: ceil(words × 1.3). */
    public static int tokens(String text) {
        return (int) Math.ceil(Text.wordCount(text) * 1.3);
    }

    private String rate(SimRater rater, List<Message> messages) {
        ObjectNode root = json.createObjectNode();
        ArrayNode arr = root.putArray("ratings");
        JsonNode block = TaskBlock.find(messages).orElse(null);
        if (block != null) {
            for (SimRater.Rating r : rater.rate(block)) {
                ObjectNode n = arr.addObject();
                n.put("value", r.value());
                n.put("rating", r.rating());
                n.put("reason", r.reason());
            }
        }
        return root.toString();
    }

    private String propose(List<Message> messages, Random rnd) {
        ObjectNode root = json.createObjectNode();
        ArrayNode arr = root.putArray("instructions");
        StringBuilder prompt = new StringBuilder();
        messages.forEach(m -> prompt.append(m.content()).append('\n'));
        TaskBlock.find(messages).ifPresent(block -> optimizer.propose(block, prompt.toString(), rnd).forEach(arr::add));
        return root.toString();
    }

    /** A malformed version of a JSON answer (cut off part-way), for fault tests of the caller's repair path. */
    public static String corrupt(String json) {
        int cut = Math.max(1, (int) (json.length() * 0.6));
        return json.substring(0, Math.min(cut, json.length() - 1));
    }
}
