package io.picaco.sim.lang;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Finds the machine-readable task block (a fenced {@code ```json … ```} block with a {@code task}
 * field) in the prompt messages: the part of a prompt that a real model would read as data.
 */
public final class TaskBlock {
    // A plain mapper of its own: a language utility reads a prompt's JSON block as any model would, outside any
    // bean and without the app's request rules (H1: the simulator uses nothing of the app).
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern FENCE = Pattern.compile("```(?:json|JSON)?\\s*+(.*?)```", Pattern.DOTALL);

    private TaskBlock() {
    }

    /** The task block of one text: the last fenced block that parses to an object with a {@code task} field. */
    public static Optional<JsonNode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FENCE.matcher(text);
        JsonNode found = null;
        while (m.find()) {
            JsonNode n = tryParse(m.group(1));
            if (n != null && n.isObject() && n.hasNonNull("task")) {
                found = n;
            }
        }
        if (found == null) {
            // no fence: a bare JSON object in the message
            int a = text.indexOf('{');
            int b = text.lastIndexOf('}');
            if (a >= 0 && b > a) {
                JsonNode n = tryParse(text.substring(a, b + 1));
                if (n != null && n.isObject() && n.hasNonNull("task")) {
                    found = n;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** Search the user messages from the last backwards for a task block. */
    public static Optional<JsonNode> find(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message msg = messages.get(i);
            if ("user".equals(msg.role())) {
                Optional<JsonNode> n = parse(msg.content());
                if (n.isPresent()) {
                    return n;
                }
            }
        }
        return Optional.empty();
    }

    private static JsonNode tryParse(String s) {
        try {
            return MAPPER.readTree(s.strip());
        } catch (Exception e) {
            return null;
        }
    }
}
