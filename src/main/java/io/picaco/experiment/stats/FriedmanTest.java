package io.picaco.experiment.stats;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.ranking.NaNStrategy;
import org.apache.commons.statistics.ranking.NaturalRanking;
import org.apache.commons.statistics.ranking.RankingAlgorithm;
import org.apache.commons.statistics.ranking.TiesStrategy;

/**
 * Friedman's rank test for an unreplicated complete block design: blocks are units, treatments are methods.
 *
 * <p>Within each block the k scores get ranks 1..k (ties share the average rank; Commons Statistics'
 * {@link NaturalRanking}). With R_j the rank sum of treatment j over n blocks and t the sizes of the tie groups,
 * <pre>
 *   χ²_F = 12 · Σ_j (R_j − n(k+1)/2)² / ( n·k·(k+1) − Σ(t³ − t)/(k − 1) )
 * </pre>
 * with k − 1 degrees of freedom (Hollander &amp; Wolfe, Nonparametric Statistical Methods, §7.1; the same statistic as
 * R's {@code friedman.test}); without ties the correction term is 0 and this is Friedman's (1937) statistic. The
 * p-value is the upper tail of the χ² distribution (Commons Statistics). Commons Statistics 1.1 has no Friedman test,
 * so only this formula is ours; ranks and the distribution come from the library.
 *
 * <p>Mean ranks are reported with rank 1 = the best (highest) score, as in Demšar (2006) and the paper.
 */
public final class FriedmanTest {
    private static final RankingAlgorithm RANKING = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);

    /** χ²_F, its degrees of freedom, its p-value, and every treatment's mean rank (1 = best), in column order. */
    public record Result(double chi2, int df, double p, double[] meanRanks) {
    }

    private FriedmanTest() {
    }

    /**
     * @param scores {@code scores[block][treatment]}, at least one block and two treatments, no NaN
     */
    public static Result test(double[][] scores) {
        int n = scores.length;
        if (n == 0) {
            throw new IllegalArgumentException("the Friedman test needs at least one block");
        }
        int k = scores[0].length;
        if (k < 2) {
            throw new IllegalArgumentException("the Friedman test needs at least two treatments");
        }
        double[] rankSums = new double[k];
        double tieTerm = 0;
        for (double[] block : scores) {
            if (block.length != k) {
                throw new IllegalArgumentException("every block needs " + k + " scores");
            }
            double[] ranks = RANKING.apply(block);
            for (int j = 0; j < k; j++) {
                rankSums[j] += ranks[j];
            }
            tieTerm += tieSizesTerm(ranks);
        }
        double expected = n * (k + 1) / 2.0;
        double ss = 0;
        for (double r : rankSums) {
            ss += (r - expected) * (r - expected);
        }
        double denominator = n * k * (k + 1.0) - tieTerm / (k - 1);
        int df = k - 1;
        // Every block entirely tied: no evidence of any difference.
        double chi2 = denominator <= 0 ? 0 : 12 * ss / denominator;
        double p = chi2 == 0 ? 1 : ChiSquaredDistribution.of(df).survivalProbability(chi2);
        double[] meanRanks = new double[k];
        for (int j = 0; j < k; j++) {
            // Ascending ranks give the highest score rank k; flip so that 1 = best.
            meanRanks[j] = (k + 1) - rankSums[j] / n;
        }
        return new Result(chi2, df, p, meanRanks);
    }

    // Σ (t³ − t) over the groups of equal (average) ranks of one block.
    private static double tieSizesTerm(double[] ranks) {
        double[] sorted = ranks.clone();
        Arrays.sort(sorted);
        double term = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1.0;
            term += t * t * t - t;
            i = j + 1;
        }
        return term;
    }
}
