package io.picaco.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The noisy pool R^n (bare responses most similar to the value text) and the aligned pool R^a (top τ). */
public final class Pools {
    private Pools() {
    }

    /** A bare response with its redundancy cosine, for the noisy pool. */
    public record BareResponse(String id, String queryId, double cosine) {
    }

    /** Per query, the ids of the {@code size} valid responses with the highest τ (compared as {@link Scoring#comparable}), best first (ties by id). */
    public static Map<String, List<String>> aligned(Collection<ScoredResponse> responses, ObjectiveSpec spec,
            int size) {
        Map<String, List<ScoredResponse>> byQuery = new TreeMap<>();
        for (ScoredResponse r : Objective.valid(responses, spec)) {
            byQuery.computeIfAbsent(r.queryId(), q -> new ArrayList<>()).add(r);
        }
        Map<String, List<String>> pool = new LinkedHashMap<>();
        byQuery.forEach((q, rs) -> pool.put(q, rs.stream()
                .sorted(Comparator.comparingDouble((ScoredResponse r) -> Scoring.comparable(spec.tau(r))).reversed()
                        .thenComparing(ScoredResponse::id, Pools::naturalOrder))
                .limit(size)
                .map(ScoredResponse::id)
                .toList()));
        return pool;
    }

    /** Per query, the ids of the {@code size} bare responses with the highest q_φ (most similar to s). */
    public static Map<String, List<BareResponse>> noisy(Collection<BareResponse> responses, int size) {
        Map<String, List<BareResponse>> byQuery = new TreeMap<>();
        for (BareResponse r : responses) {
            byQuery.computeIfAbsent(r.queryId(), q -> new ArrayList<>()).add(r);
        }
        Map<String, List<BareResponse>> pool = new LinkedHashMap<>();
        byQuery.forEach((q, rs) -> pool.put(q, rs.stream()
                .sorted(Comparator.comparingDouble((BareResponse r) -> Scoring.comparable(r.cosine())).reversed()
                        .thenComparing(BareResponse::id, Pools::naturalOrder))
                .limit(size)
                .toList()));
        return pool;
    }

    /**
     * Ties go to the smaller id, numbers compared as numbers ("99" before "100"), so that ids handed out in
     * creation order keep a run reproducible whatever else the store is doing.
     */
    static int naturalOrder(String a, String b) {
        boolean numeric = a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit);
        return numeric && a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    /** b(x): the mean of log q_φ over the noisy pool of each query. */
    public static Map<String, Double> baselines(Map<String, List<BareResponse>> noisyPool) {
        Map<String, Double> b = new LinkedHashMap<>();
        noisyPool.forEach((q, rs) -> b.put(q,
                rs.stream().mapToDouble(r -> StrictMath.log(Scoring.qPhi(r.cosine()))).average().orElse(0.0)));
        return b;
    }
}
