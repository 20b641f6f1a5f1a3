package io.picaco.llm;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.picaco.AppJson;

/**
 * The machine-readable JSON block that optimizer and judge prompts carry (SIMULATOR.md): a fenced ```json
 * block inside the user message. Real models read it as part of the prompt; the simulator parses it.
 */
public final class PromptBlock {
    private PromptBlock() {
    }

    /**
     * A map in the order given. Prompts must be byte-identical from one process to the next (Map.of iterates in
     * a per-JVM order): the simulator's answers, the per-call seeds' meaning and the cache keys depend on it.
     */
    public static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    public static String fenced(Object block) {
        try {
            return "```json\n" + AppJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(block) + "\n```";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
