package io.picaco.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ĵ(e) = (1/|Q|) · Σ_x [ mean_{y ∈ Y_e(x)} τ(x, y) + b(x) ] over the queries with at least one valid response. */
public final class Objective {
    private Objective() {
    }

    public static InstructionScore score(String instructionId, Collection<ScoredResponse> responses,
            Map<String, Double> baselines, ObjectiveSpec spec) {
        List<ScoredResponse> valid = valid(responses, spec);
        if (valid.isEmpty()) {
            return new InstructionScore(instructionId, null, Map.of(), 0);
        }
        Map<String, double[]> byQuery = new LinkedHashMap<>(); // queryId -> {sum τ, count}
        for (ScoredResponse r : valid) {
            double[] acc = byQuery.computeIfAbsent(r.queryId(), q -> new double[2]);
            acc[0] += spec.tau(r);
            acc[1]++;
        }
        double total = 0;
        for (Map.Entry<String, double[]> e : byQuery.entrySet()) {
            Double b = baselines == null || !spec.redundancy() ? null : baselines.get(e.getKey());
            total += e.getValue()[0] / e.getValue()[1] + (b == null ? 0.0 : b);
        }
        return new InstructionScore(instructionId, total / byQuery.size(), perValueMeans(valid, spec.valueIds()),
                valid.size());
    }

    public static List<ScoredResponse> valid(Collection<ScoredResponse> responses, ObjectiveSpec spec) {
        List<ScoredResponse> out = new ArrayList<>();
        for (ScoredResponse r : responses) {
            if (r.isValidFor(spec.valueIds())) {
                out.add(r);
            }
        }
        return out;
    }

    /** Mean rating per value over the given (valid) responses. */
    public static Map<String, Double> perValueMeans(Collection<ScoredResponse> valid, List<String> valueIds) {
        Map<String, Double> means = new LinkedHashMap<>();
        for (String v : valueIds) {
            double sum = 0;
            for (ScoredResponse r : valid) {
                sum += r.ratings().get(v);
            }
            means.put(v, sum / valid.size());
        }
        return means;
    }
}
