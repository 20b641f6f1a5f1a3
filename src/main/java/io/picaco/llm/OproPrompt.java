package io.picaco.llm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.picaco.core.Value;

/**
 * OPRO's meta-prompt (Yang et al. 2023; ALGORITHM.md, "Methods"): the task (the values and their definitions), up to
 * 20 earlier instructions with their scores in ascending order, three training queries as examples, and "write a new
 * instruction that scores higher". The score is one scalar: the mean rating over all values (1-5), one decimal.
 */
public final class OproPrompt {
    public static final int SHOWN = 20;
    static final int EXAMPLES = 3;

    /** An earlier instruction and its score (mean rating, 1-5). */
    public record Scored(String instruction, double score) {
    }

    private OproPrompt() {
    }

    public static List<ChatMessage> messages(List<Value> values, List<Scored> earlier, List<String> examples,
            int count, int maxLength) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("task", "propose");
        block.put("values", values.stream().map(v -> PromptBlock.ordered("id", v.id(), "name", v.name(),
                "definition", v.definition())).toList());
        block.put("count", count);
        block.put("maxLength", maxLength);
        List<Scored> shown = earlier.subList(Math.max(0, earlier.size() - SHOWN), earlier.size());
        block.put("trajectory", shown.stream().map(s -> PromptBlock.ordered("instruction", s.instruction(), "score",
                OptimizerPrompt.oneDecimal(s.score()))).toList());
        block.put("examples", examples.subList(0, Math.min(EXAMPLES, examples.size())));
        String user = """
                Your task is to write a system prompt for an AI assistant so that its answers honour the values \
                below. Below, in JSON: the values with their definitions; earlier system prompts with their score, \
                the mean rating of the assistant's answers on all values from 1 to 5, in ascending order (the last \
                is the best so far); and example user queries.

                Write %d new system prompts, different from the earlier ones, that score higher than all of them. \
                Each must be at most %d characters.

                %s

                Reply with JSON only: {"instructions":["...", "..."]}""".formatted(count, maxLength,
                PromptBlock.fenced(block));
        return List.of(SystemMessage.from(OptimizerPrompt.SYSTEM), UserMessage.from(user));
    }
}
