package io.picaco.sim.optimizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the optimizer takes from its prompt: the values, the earlier instructions (ascending by score, the last
 * the best), the per-value ratings it is shown, the values called weak, and what the example answers and their
 * reasons teach. Whatever the prompt leaves out, the optimizer has to guess.
 */
final class Brief {
    final List<Phrasing.PromptValue> values = new ArrayList<>();
    final List<String> instructions = new ArrayList<>();
    final List<Map<String, Double>> ratings = new ArrayList<>();
    final List<String> weak = new ArrayList<>();
    final int count;
    final int maxLength;
    private boolean restatingSeen;
    private boolean namingSeen;
    private boolean avoidShown;

    /** Whether the prompt's text asks for every value to be covered. */
    final boolean coverAll;

    Brief(JsonNode block, String prompt) {
        String text = prompt == null ? "" : prompt.toLowerCase(Locale.ROOT);
        coverAll = text.contains("every value") || text.contains("all values") || text.contains("each value");
        for (JsonNode v : block.path("values")) {
            String id = v.path("id").asText("");
            if (!id.isBlank()) {
                values.add(new Phrasing.PromptValue(id, v.path("name").asText(id), v.path("definition").asText("")));
            }
        }
        for (JsonNode t : block.path("trajectory")) {
            String s = t.path("instruction").asText("");
            if (!s.isBlank()) {
                instructions.add(s);
                Map<String, Double> r = new LinkedHashMap<>();
                t.path("perValue").fields().forEachRemaining(e -> {
                    if (e.getValue().isNumber()) {
                        r.put(e.getKey(), e.getValue().asDouble());
                    }
                });
                ratings.add(r);
            }
        }
        for (JsonNode w : block.path("weakest")) {
            JsonNode id = w.isObject() ? w.path("value") : w;
            if (id.isTextual()) {
                weak.add(id.asText());
            }
        }
        if (weak.isEmpty() && !ratings.isEmpty()) {
            Map<String, Double> last = ratings.get(ratings.size() - 1);
            last.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> weak.add(e.getKey()));
        }
        String reasons = (block.path("exemplars").toString() + block.path("weakest").toString())
                .toLowerCase(Locale.ROOT);
        restatingSeen = reasons.contains("repeat") || reasons.contains("restat");
        avoidShown = block.path("avoid").size() > 0;
        namingSeen = reasons.contains("only named") || reasons.contains("not acted");
        count = Math.max(1, Math.min(20, block.path("count").asInt(3)));
        maxLength = Math.max(80, block.path("maxLength").asInt(1500));
    }

    /** The instruction to edit: usually the best so far, sometimes the runner-up. */
    String parent(Random rnd) {
        if (instructions.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            values.forEach(v -> sb.append(v.name()).append(": ").append(v.definition()).append('\n'));
            return sb.toString();
        }
        int last = instructions.size() - 1;
        return last > 0 && rnd.nextDouble() < 0.25 ? instructions.get(last - 1) : instructions.get(last);
    }

    /** A value to work on: one the prompt calls weak (the weakest most often), or any when it names none. */
    Phrasing.PromptValue pickWeak(Random rnd) {
        if (values.isEmpty()) {
            return null;
        }
        List<Phrasing.PromptValue> order = new ArrayList<>();
        for (String id : weak) {
            values.stream().filter(v -> v.id().equals(id)).findFirst().ifPresent(order::add);
        }
        if (order.isEmpty() || rnd.nextDouble() < 0.25) {
            return values.get(rnd.nextInt(values.size()));
        }
        int i = (int) Math.min(order.size() - 1, Math.floor(-Math.log(1 - rnd.nextDouble()) * 1.2));
        return order.get(i);
    }

    /** Example reasons that say "only named" or "repeats the definition" push towards concrete, reworded sentences. */
    double concreteShare() {
        return namingSeen ? 0.55 : 0.4;
    }

    double paraphraseShare() {
        return restatingSeen ? 0.65 : avoidShown ? 0.45 : 0.2;
    }

    static Comparator<String> byLength() {
        return Comparator.comparingInt(String::length);
    }
}
