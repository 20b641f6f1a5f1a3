package io.picaco.experiment.stats;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * The two-sided Wilcoxon signed-rank test on paired unit scores, from Commons Statistics with its defaults: an exact
 * p-value below 50 pairs when there are no ties and no zero differences, else the normal approximation with tie and
 * continuity corrections; zero differences take part in the ranking but not in the statistic (Pratt).
 */
public final class PairedWilcoxon {
    private static final WilcoxonSignedRankTest TEST =
            WilcoxonSignedRankTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED);

    /** W⁺ (the sum of the ranks of the positive differences x − y) and the two-sided p-value. */
    public record Result(double wPlus, double p) {
    }

    private PairedWilcoxon() {
    }

    /**
     * @param x first scores (e.g. PICACO's), one per unit
     * @param y second scores on the same units, in the same order
     * @return the test; when every pair is equal (the library refuses that input) W⁺ = 0 and p = 1, since the data
     *         then give no evidence of a difference
     */
    public static Result test(double[] x, double[] y) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("paired samples need the same, non-zero length");
        }
        boolean allEqual = true;
        for (int i = 0; i < x.length && allEqual; i++) {
            allEqual = x[i] == y[i];
        }
        if (allEqual) {
            return new Result(0, 1);
        }
        WilcoxonSignedRankTest.Result r = TEST.test(x, y);
        return new Result(r.getStatistic(), r.getPValue());
    }
}
