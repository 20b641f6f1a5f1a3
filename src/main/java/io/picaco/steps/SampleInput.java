package io.picaco.steps;

import java.util.List;

import io.picaco.core.Demonstration;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Responses to draw from the target model. Each item names its instruction (null or blank: the bare model, no
 * system message), its query and its sample index; the per-call seed is derived from the run seed and those.
 * {@code model} names the configured endpoint (default: {@code target}).
 */
@RegisterForReflection
public record SampleInput(List<Item> items, Long seed, Double temperature, String model) {
    /** {@code demonstrations}: optional earlier chat turns (user query, assistant answer) before the query. */
    public record Item(String id, String instruction, String query, Integer sampleIndex,
            List<Demonstration> demonstrations) {
        public Item(String id, String instruction, String query, Integer sampleIndex) {
            this(id, instruction, query, sampleIndex, null);
        }
    }
}
