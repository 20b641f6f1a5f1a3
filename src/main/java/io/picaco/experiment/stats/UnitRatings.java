package io.picaco.experiment.stats;

import io.picaco.core.Objective;
import io.picaco.core.ObjectiveSpec;
import io.picaco.core.ScoredResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * From scored held-out responses to units: per (repeat, query), each value's mean rating over the query's samples
 * and the mean redundancy. Responses with a failed judgment or embedding are left out, as in every other mean
 * ({@link Objective#valid}); a query none of whose samples is valid yields no unit.
 */
public final class UnitRatings {

    private UnitRatings() {
    }

    /**
     * @param method the method id
     * @param byRepeat repeat → that repeat's held-out responses under the method's instruction
     */
    public static MethodRatings of(String method, Map<Integer, ? extends Collection<ScoredResponse>> byRepeat,
            ObjectiveSpec spec) {
        Map<Unit, Map<String, Double>> perValue = new LinkedHashMap<>();
        Map<Unit, Double> redundancy = new LinkedHashMap<>();
        new TreeMap<>(byRepeat).forEach((repeat, responses) -> {
            Map<String, List<ScoredResponse>> byQuery = new TreeMap<>();
            for (ScoredResponse r : Objective.valid(responses, spec)) {
                byQuery.computeIfAbsent(r.queryId(), q -> new ArrayList<>()).add(r);
            }
            byQuery.forEach((query, samples) -> {
                Unit unit = new Unit(repeat, query);
                perValue.put(unit, Objective.perValueMeans(samples, spec.valueIds()));
                redundancy.put(unit, samples.stream().mapToDouble(ScoredResponse::redundancy).average().orElseThrow());
            });
        });
        return new MethodRatings(method, perValue, redundancy);
    }

    /**
     * A single run's {@code mean [lo, hi]}: its held-out responses as units (one per query), each scored by the
     * weighted mean of its per-value means, bootstrapped over queries. Null when no response is valid.
     */
    public static MeanInterval runInterval(Collection<ScoredResponse> heldOut, ObjectiveSpec spec) {
        MethodRatings units = of("run", Map.of(0, heldOut), spec);
        if (units.perValue().isEmpty()) {
            return null;
        }
        double[] scores = new TreeMap<>(units.perValue()).values().stream()
                .mapToDouble(byValue -> weightedMean(byValue, spec)).toArray();
        return MeanInterval.of(scores);
    }

    static double weightedMean(Map<String, Double> byValue, ObjectiveSpec spec) {
        double sum = 0;
        double weights = 0;
        for (String v : spec.valueIds()) {
            double w = spec.weights().getOrDefault(v, 1.0);
            sum += w * byValue.get(v);
            weights += w;
        }
        return sum / weights;
    }
}
