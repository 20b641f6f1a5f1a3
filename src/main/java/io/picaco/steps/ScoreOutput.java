package io.picaco.steps;

import java.util.List;
import java.util.Map;

import io.picaco.llm.Usage;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Per item: ratings (null when the judgment failed, with {@code error}), the judge's reasons, and the redundancy
 * cosine {@code c} between the response and the value text.
 */
@RegisterForReflection
public record ScoreOutput(List<Item> items, Usage usage) {
    public record Item(String id, Map<String, Double> ratings, Map<String, String> reasons, Double redundancy,
            String error) {
    }
}
