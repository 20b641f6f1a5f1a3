package io.picaco.llm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.picaco.core.Value;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The optimizer's messages (OPRO-style): the values, the trajectory of earlier instructions with their scores in
 * ascending order, exemplars for the weakest values, parroting to avoid, and the constraints.
 */
@RegisterForReflection
public final class OptimizerPrompt {
    static final String SYSTEM = """
            You improve the system prompt (meta-instruction) of an AI assistant so that its answers to any user \
            query honour every value of a set at once, without repeating the value definitions back to the user.""";

    public record TrajectoryEntry(String instruction, Double jHat, Map<String, Double> perValue) {
    }

    /** For one weak value: on one query, a response that rated high and one that rated low, with the judge's reasons. */
    public record Exemplar(String value, String query, String high, String low, Double highRating, Double lowRating,
            String highReason, String lowReason) {
        public Exemplar(String value, String query, String high, String low) {
            this(value, query, high, low, null, null, null, null);
        }
    }

    /** The judge's reason for one value, from a response's reasons (either may be missing). */
    public static String reason(Map<String, String> reasons, String value) {
        return reasons == null ? null : reasons.get(value);
    }

    private OptimizerPrompt() {
    }

    /**
     * Scores as the optimizer sees them: two decimals. More would tell a model nothing, and would make the prompt (and
     * so everything the optimizer writes) depend on last-bit differences between machines.
     */
    static TrajectoryEntry shown(TrajectoryEntry e) {
        Map<String, Double> perValue = new LinkedHashMap<>();
        if (e.perValue() != null) {
            e.perValue().forEach((v, m) -> perValue.put(v, m == null ? null : twoDecimals(m)));
        }
        return new TrajectoryEntry(e.instruction(), e.jHat() == null ? null : twoDecimals(e.jHat()), perValue);
    }

    static double oneDecimal(double x) {
        return java.math.BigDecimal.valueOf(x).setScale(1, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    static double twoDecimals(double x) {
        return java.math.BigDecimal.valueOf(x).setScale(2, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    public static List<ChatMessage> messages(List<Value> values, List<TrajectoryEntry> trajectory, List<String> weakest,
            List<Exemplar> exemplars, List<String> avoid, int count, int maxLength) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("task", "propose");
        block.put("values", values.stream().map(v -> PromptBlock.ordered("id", v.id(), "name", v.name(),
                "definition", v.definition(), "weight", v.weight())).toList());
        block.put("count", count);
        block.put("maxLength", maxLength);
        block.put("trajectory", trajectory.stream().map(OptimizerPrompt::shown).toList());
        block.put("weakest", weakest);
        block.put("exemplars", exemplars);
        block.put("avoid", avoid);
        String user = """
                Below, in JSON: the values (with weights); earlier instructions in ascending order of score (the \
                last is the best so far), each with its score jHat (higher is better) and its mean rating per value \
                on a 1-5 scale (1 = ignored, 3 = only named or its definition repeated, 4-5 = acted on, 5 with a \
                concrete example); the weakest values; for each of the weakest, one answer that rated high and one \
                that rated low on it, with their ratings and the judge's reasons; and answers to avoid because \
                they parrot the value text instead of acting on it.

                Write %d new instructions that should score higher than all earlier ones. Each must:
                - be at most %d characters;
                - be general: it must work for any user query, not one task;
                - cover every value, with concrete behaviour rather than abstract definitions;
                - say how to reconcile values when they conflict;
                - not quote the value definitions verbatim.

                %s

                Reply with JSON only: {"instructions":["...", "..."]}""".formatted(count, maxLength,
                PromptBlock.fenced(block));
        return List.of(SystemMessage.from(SYSTEM), UserMessage.from(user));
    }
}
