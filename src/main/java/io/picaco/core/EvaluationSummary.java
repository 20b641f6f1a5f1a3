package io.picaco.core;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The held-out report for one instruction: per-value mean ratings, their mean, minimum and coefficient of
 * variation (population std / mean, the paper's balance measure), mean redundancy cosine, and Ĵ; {@code ci}: the
 * mean's 95 % bootstrap interval over the held-out queries, when known.
 */
public record EvaluationSummary(Map<String, Double> perValue, double mean, double min, double cv, double redundancy,
        Double jHat, int samples, int failed, List<Double> ci) {

    public EvaluationSummary(Map<String, Double> perValue, double mean, double min, double cv, double redundancy,
            Double jHat, int samples, int failed) {
        this(perValue, mean, min, cv, redundancy, jHat, samples, failed, null);
    }

    /** The same summary with the mean's interval. */
    public EvaluationSummary withCi(double lo, double hi) {
        return new EvaluationSummary(perValue, mean, min, cv, redundancy, jHat, samples, failed, List.of(lo, hi));
    }

    public static EvaluationSummary of(Collection<ScoredResponse> responses, Map<String, Double> baselines,
            ObjectiveSpec spec) {
        List<ScoredResponse> valid = Objective.valid(responses, spec);
        if (valid.isEmpty()) {
            return new EvaluationSummary(Map.of(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, 0,
                    responses.size());
        }
        Map<String, Double> perValue = Objective.perValueMeans(valid, spec.valueIds());
        double mean = perValue.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double min = perValue.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double variance = perValue.values().stream().mapToDouble(m -> (m - mean) * (m - mean)).average().orElseThrow();
        double redundancy = valid.stream().mapToDouble(ScoredResponse::redundancy).average().orElseThrow();
        Double jHat = Objective.score("eval", valid, baselines, spec).jHat();
        return new EvaluationSummary(perValue, mean, min, Math.sqrt(variance) / mean, redundancy, jHat, valid.size(),
                responses.size() - valid.size());
    }
}
