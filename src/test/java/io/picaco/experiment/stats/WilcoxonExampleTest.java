package io.picaco.experiment.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

class WilcoxonExampleTest {

    // Source: Hollander & Wolfe (1973), Nonparametric Statistical Methods, p. 29 f.: Hamilton depression scale
    // factor IV of 9 patients at the first (x) and second (y) visit after a tranquilizer. The example of R's
    // ?wilcox.test, published output for the one-sided test: "V = 40, p-value = 0.01953".
    private static final double[] X = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
    private static final double[] Y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};

    /**
     * By hand. x − y = 0.952, −0.147, 1.022, 0.430, 0.620, 0.590, 0.490, −0.080, 0.010; ranking |x − y| gives the
     * two negative differences ranks 3 (0.147) and 2 (0.080), so W⁻ = 5 and W⁺ = 45 − 5 = 40. No ties or zeros, so
     * the null distribution is exact: P(W⁺ ≥ 40) = P(W⁻ ≤ 5) = #{subsets of 1..9 summing to ≤ 5} / 2⁹ =
     * (1 + 1 + 1 + 2 + 2 + 3) / 512 = 10/512 = 0.01953 (the published one-sided p), and the two-sided p is 20/512.
     */
    @Test
    void depressionScaleGivesThePublishedStatisticAndP() {
        PairedWilcoxon.Result r = PairedWilcoxon.test(X, Y);

        assertEquals(40.0, r.wPlus(), 0.0, "published V");
        assertEquals(20.0 / 512, r.p(), 1e-12, "two-sided = twice the published one-sided p");
        double oneSided = WilcoxonSignedRankTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN)
                .test(X, Y).getPValue();
        assertEquals(0.01953, oneSided, 5e-6, "published one-sided p");
    }

    @Test
    void theTestIsSymmetricInItsTwoSamples() {
        PairedWilcoxon.Result r = PairedWilcoxon.test(Y, X);

        assertEquals(5.0, r.wPlus(), 0.0, "W⁺ of y − x is W⁻ of x − y");
        assertEquals(20.0 / 512, r.p(), 1e-12);
    }

    @Test
    void identicalScoresGiveNoEvidenceInsteadOfAnError() {
        PairedWilcoxon.Result r = PairedWilcoxon.test(new double[] {3, 4, 5}, new double[] {3, 4, 5});

        assertEquals(1.0, r.p());
        assertEquals(0.0, r.wPlus());
    }
}
