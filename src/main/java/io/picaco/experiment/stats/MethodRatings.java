package io.picaco.experiment.stats;

import java.util.Map;
import java.util.Objects;

/**
 * One method's held-out ratings in one cell, the input of {@link CellStatistics}.
 *
 * @param method the method id (e.g. {@code picaco}, {@code opro})
 * @param perValue per unit, per value id, the evaluator's mean rating (1–5) over that unit's samples, failed
 *        judgments left out; a unit that lacks a value is not a complete unit for this method
 * @param redundancy per unit, the mean redundancy cosine over its samples (may be empty)
 */
public record MethodRatings(String method, Map<Unit, Map<String, Double>> perValue, Map<Unit, Double> redundancy) {
    public MethodRatings {
        Objects.requireNonNull(method, "method");
        perValue = Map.copyOf(perValue);
        redundancy = redundancy == null ? Map.of() : Map.copyOf(redundancy);
    }

    public MethodRatings(String method, Map<Unit, Map<String, Double>> perValue) {
        this(method, perValue, Map.of());
    }
}
