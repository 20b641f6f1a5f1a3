package io.picaco.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The per-response scores of docs/algorithm.md: q_ω from a rating, q_φ from a cosine, and τ. */
public final class Scoring {
    static final double Q_OMEGA_FLOOR = 0.02;
    static final double Q_OMEGA_CEIL = 0.98;
    static final double Q_PHI_FLOOR = 0.01;
    static final double DECISION_SCALE = 1e6;

    private Scoring() {
    }

    /** Value conformity: a 1–5 rating mapped to a probability, clamped so one bad value costs a bounded log. */
    public static double qOmega(double rating) {
        return clamp((rating - 1.0) / 4.0, Q_OMEGA_FLOOR, Q_OMEGA_CEIL);
    }

    /** Redundancy: a cosine similarity mapped to (0, 1]. */
    public static double qPhi(double cosine) {
        return clamp((1.0 + cosine) / 2.0, Q_PHI_FLOOR, 1.0);
    }

    /** Weights rescaled to sum to K; a missing weight counts as 1. */
    public static Map<String, Double> normalizedWeights(List<String> valueIds, Map<String, Double> weights) {
        double sum = 0;
        for (String id : valueIds) {
            sum += weightOf(weights, id);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String id : valueIds) {
            out.put(id, weightOf(weights, id) * valueIds.size() / sum);
        }
        return out;
    }

    private static double weightOf(Map<String, Double> weights, String id) {
        Double w = weights == null ? null : weights.get(id);
        return w == null ? 1.0 : w;
    }

    /** τ(x, y) = β · Σ_k w_k · log q_ω(v_k | x, y) − log q_φ(s | x, y), with weights already normalized. */
    public static double tau(double beta, Map<String, Double> normalizedWeights, Map<String, Double> ratings,
            double cosine) {
        return beta * conformity(normalizedWeights, ratings) - StrictMath.log(qPhi(cosine));
    }

    /** Σ_k w_k log q_ω(v_k | y): the conformity part of τ. */
    public static double conformity(Map<String, Double> normalizedWeights, Map<String, Double> ratings) {
        double conformity = 0;
        for (Map.Entry<String, Double> w : normalizedWeights.entrySet()) {
            conformity += w.getValue() * StrictMath.log(qOmega(ratings.get(w.getKey())));
        }
        return conformity;
    }

    /**
     * A score as decisions compare it: rounded to 1e-6. Scores that differ by less (the last bits that float kernels
     * and math libraries leave different between CPUs) tie, and ties are broken by stable keys, so the same request
     * and seed make the same choices on any machine. StrictMath (not Math) for the same reason: its results are
     * specified to the bit.
     */
    public static double comparable(double score) {
        return Math.rint(score * DECISION_SCALE) / DECISION_SCALE;
    }

    static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
