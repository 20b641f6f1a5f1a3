package io.picaco.experiment.stats;

import java.util.List;
import java.util.Map;

/**
 * The statistics of one cell (composition × target, pooled over repeats), in the field names of ARCHITECTURE.md
 * "Experiments": {@code units}, {@code methods[]} and {@code friedman}. The runner adds composition, target, and
 * each method's calls and cost. Numbers that are undefined (no complete unit, a mean of 0 for the CV, fewer than
 * two methods for Friedman, no PICACO in the cell) are null, never NaN.
 *
 * @param units the units rated for every method of the cell: the paired sample all statistics use
 * @param unitsDropped units that some method lacks (every rating of a value failed, or the unit was not run)
 */
public record CellReport(int units, int unitsDropped, List<Method> methods, Friedman friedman) {

    /**
     * One method's figures. A unit's score is the weighted mean over values of its per-value mean ratings
     * ({@code Σ w_k r_k / Σ w_k}).
     *
     * @param mean the mean unit score; {@code ci} its 95 % bootstrap interval
     * @param min the lowest of the per-value means (each value's mean rating over the cell's units): the value the
     *        method serves worst; {@code minCi} its bootstrap interval (the minimum recomputed on every resample of
     *        units)
     * @param cv the coefficient of variation of the per-value means, population standard deviation / mean, the
     *        paper's balance measure (0 = every value equally well served); {@code cvCi} its bootstrap interval
     * @param redundancy the mean redundancy cosine over the units (null when not supplied)
     * @param perValue value id → mean rating over the units
     * @param meanRank the mean Friedman rank over units, 1 = best
     * @param vsPicaco the paired comparison with PICACO; null for PICACO itself or when PICACO is not in the cell
     */
    public record Method(String method, Double mean, List<Double> ci, Double min, List<Double> minCi, Double cv,
            List<Double> cvCi, Double redundancy, Map<String, Double> perValue, Double meanRank, VsPicaco vsPicaco) {
    }

    /**
     * @param diff the mean paired difference PICACO − method over the units (positive: PICACO scored higher)
     * @param ci its 95 % bootstrap interval (same resamples of units for both methods)
     * @param p the two-sided Wilcoxon signed-rank p-value on the paired unit scores
     * @param pHolm p after Holm's correction across all of the cell's comparisons with PICACO
     */
    public record VsPicaco(double diff, List<Double> ci, double p, double pHolm) {
    }

    /** Friedman's χ²_F over all methods of the cell (blocks = units), with k − 1 degrees of freedom. */
    public record Friedman(double chi2, int df, double p) {
    }
}
