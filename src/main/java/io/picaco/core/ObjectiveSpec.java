package io.picaco.core;

import java.util.List;
import java.util.Map;

/**
 * What Ĵ needs besides the responses: β, the value ids in order, their normalized weights, and whether the
 * redundancy term counts (it does, except in the no-redundancy ablation: τ = β Σ w_k log q_ω, no q_φ, no b(x)).
 */
public record ObjectiveSpec(double beta, List<String> valueIds, Map<String, Double> weights, boolean redundancy) {

    public ObjectiveSpec(double beta, List<String> valueIds, Map<String, Double> weights) {
        this(beta, valueIds, weights, true);
    }

    public ObjectiveSpec {
        valueIds = List.copyOf(valueIds);
        // Ordered as the values are, so that sums run in the same order in every process.
        weights = java.util.Collections.unmodifiableMap(Scoring.normalizedWeights(valueIds, weights));
    }

    public double tau(ScoredResponse r) {
        return redundancy ? Scoring.tau(beta, weights, r.ratings(), r.redundancy())
                : beta * Scoring.conformity(weights, r.ratings());
    }
}
