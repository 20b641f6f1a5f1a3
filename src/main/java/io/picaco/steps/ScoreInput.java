package io.picaco.steps;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Responses to judge on every value and to embed. {@code observations} is the value text s (default: one
 * {@code name: definition} line per value). {@code judge=false} only measures redundancy (the noisy pool).
 * {@code model} names the judge's configured endpoint (default: {@code judge}).
 */
@RegisterForReflection
public record ScoreInput(List<ValueInput> values, String observations, List<Item> items, String judgeMode,
        Boolean judge, Long seed, String model) {
    public record Item(String id, String query, String response) {
    }
}
