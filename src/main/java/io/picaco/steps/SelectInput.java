package io.picaco.steps;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The fixed {@code POST /select} contract of ARCHITECTURE.md. */
@RegisterForReflection
public record SelectInput(Double beta, List<String> values, Map<String, Double> weights, Map<String, Double> baselines,
        String incumbent, List<Instruction> instructions, Integer alignedPoolSize, Boolean redundancy) {

    /** The fixed contract's fields; {@code redundancy} (optional, default true) is false for the ablation. */
    public SelectInput(Double beta, List<String> values, Map<String, Double> weights, Map<String, Double> baselines,
            String incumbent, List<Instruction> instructions, Integer alignedPoolSize) {
        this(beta, values, weights, baselines, incumbent, instructions, alignedPoolSize, null);
    }

    public record Instruction(String id, List<Response> responses) {
    }

    /** {@code redundancy} is the cosine c; a null {@code ratings} (or rating) marks a failed judgment. */
    public record Response(String id, String queryId, Map<String, Double> ratings, Double redundancy) {
    }
}
