package io.picaco.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The machine-readable JSON block that optimizer and judge prompts carry (SIMULATOR.md): a fenced ```json
 * block inside the user message. Real models read it as part of the prompt; the simulator parses it.
 */
public final class PromptBlock {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private PromptBlock() {
    }

    public static String fenced(Object block) {
        try {
            return "```json\n" + JSON.writeValueAsString(block) + "\n```";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
