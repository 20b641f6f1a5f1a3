package io.picaco.core;

import java.util.List;
import java.util.Map;

/** What Ĵ needs besides the responses: β, the value ids in order, and their normalized weights. */
public record ObjectiveSpec(double beta, List<String> valueIds, Map<String, Double> weights) {

    public ObjectiveSpec {
        valueIds = List.copyOf(valueIds);
        // Ordered as the values are, so that sums run in the same order in every process.
        weights = java.util.Collections.unmodifiableMap(Scoring.normalizedWeights(valueIds, weights));
    }

    public double tau(ScoredResponse r) {
        return Scoring.tau(beta, weights, r.ratings(), r.redundancy());
    }
}
