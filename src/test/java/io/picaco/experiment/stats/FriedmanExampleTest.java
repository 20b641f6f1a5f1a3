package io.picaco.experiment.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FriedmanExampleTest {

    /**
     * Source: Hollander &amp; Wolfe (1973), Nonparametric Statistical Methods, p. 140 ff. ("rounding first base"):
     * 22 players, the time to run from home to second base with three ways of rounding first base. It is the example
     * of R's {@code ?friedman.test}, whose published output is "Friedman chi-squared = 11.143, df = 2,
     * p-value = 0.003805".
     *
     * <p>By hand. Ranking each row ascending (ties averaged), the rank sums are R = (53, 47, 32); n(k+1)/2 = 44, so
     * Σ(R − 44)² = 81 + 9 + 144 = 234. Rows 7, 15, 17 and 22 each hold one pair of equal times: Σ(t³ − t) = 4 · 6
     * = 24. χ²_F = 12 · 234 / (22·3·4 − 24/2) = 2808 / 252 = 11.142857 (= 78/7); with 2 df the χ² upper tail is
     * exp(−χ²/2) = exp(−39/7) = 0.0038050. Without the tie correction it would be 2808 / 264 = 10.636, so this
     * example also checks that ties are averaged and corrected for.
     */
    @Test
    void roundingFirstBaseGivesThePublishedChiSquareAndP() {
        double[][] times = {
            {5.40, 5.50, 5.55}, {5.85, 5.70, 5.75}, {5.20, 5.60, 5.50}, {5.55, 5.50, 5.40},
            {5.90, 5.85, 5.70}, {5.45, 5.55, 5.60}, {5.40, 5.40, 5.35}, {5.45, 5.50, 5.35},
            {5.25, 5.15, 5.00}, {5.85, 5.80, 5.70}, {5.25, 5.20, 5.10}, {5.65, 5.55, 5.45},
            {5.60, 5.35, 5.45}, {5.05, 5.00, 4.95}, {5.50, 5.50, 5.40}, {5.45, 5.55, 5.50},
            {5.55, 5.55, 5.35}, {5.45, 5.50, 5.55}, {5.50, 5.45, 5.25}, {5.65, 5.60, 5.40},
            {5.70, 5.65, 5.55}, {6.30, 6.30, 6.25}};

        FriedmanTest.Result r = FriedmanTest.test(times);

        assertEquals(11.143, r.chi2(), 5e-4, "published χ²");
        assertEquals(78.0 / 7.0, r.chi2(), 1e-12, "hand-computed χ²");
        assertEquals(2, r.df());
        assertEquals(0.003805, r.p(), 5e-7, "published p");
        assertEquals(Math.exp(-39.0 / 7.0), r.p(), 1e-12, "χ²(2) tail = exp(−χ²/2)");
        // Mean ranks with 1 = highest value: k + 1 − R/n = 4 − (53, 47, 32)/22.
        assertArrayEquals(new double[] {4 - 53 / 22.0, 4 - 47 / 22.0, 4 - 32 / 22.0}, r.meanRanks(), 1e-12);
    }

    /**
     * Friedman's (1937) statistic without ties, by hand: three blocks that all order three treatments the same
     * way have rank sums (3, 6, 9), Σ(R − 6)² = 18, χ²_F = 12 · 18 / (3·3·4) = 6, p = exp(−3) = 0.049787; the
     * treatment with the highest scores has mean rank 1.
     */
    @Test
    void identicalOrderingInEveryBlockWithoutTies() {
        FriedmanTest.Result r = FriedmanTest.test(new double[][] {{1, 2, 3}, {2, 4, 6}, {0.5, 0.7, 0.9}});

        assertEquals(6.0, r.chi2(), 1e-12);
        assertEquals(Math.exp(-3), r.p(), 1e-12);
        assertArrayEquals(new double[] {3, 2, 1}, r.meanRanks(), 1e-12);
    }

    @Test
    void blocksThatAreEntirelyTiedGiveNoEvidence() {
        FriedmanTest.Result r = FriedmanTest.test(new double[][] {{3, 3, 3}, {4, 4, 4}});

        assertEquals(0.0, r.chi2());
        assertEquals(1.0, r.p());
        assertArrayEquals(new double[] {2, 2, 2}, r.meanRanks(), 1e-12);
    }

    @Test
    void refusesFewerThanTwoTreatmentsOrRaggedBlocks() {
        assertThrows(IllegalArgumentException.class, () -> FriedmanTest.test(new double[][] {{1}, {2}}));
        assertThrows(IllegalArgumentException.class, () -> FriedmanTest.test(new double[][] {{1, 2}, {2}}));
        assertThrows(IllegalArgumentException.class, () -> FriedmanTest.test(new double[0][]));
    }
}
