package io.picaco.experiment.stats;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Percentile bootstrap over units, stratified by repeat (ALGORITHM.md, "Evaluation of an experiment").
 *
 * <p>Every resample draws, within each stratum (repeat) separately, as many units as the stratum holds, with
 * replacement; so a resample always has the same number of units per repeat as the data. The resamples are drawn
 * once, up front, and every statistic of a cell is evaluated on the same resamples: the CIs of two methods and of
 * their paired difference come from the same draws of units, as the paired design asks.
 *
 * <p>Reproducible: the generator is SplitMix64 from Commons RNG with a fixed long seed (its native seed type, so no
 * seed conversion is involved); Commons RNG documents that a source and seed give the same sequence on every JVM.
 * The percentile interval takes the 2.5 % and 97.5 % quantiles of the resampled statistic with Hyndman-Fan type 7
 * interpolation (R's default).
 */
public final class StratifiedBootstrap {
    public static final int RESAMPLES = 2000;
    public static final long SEED = 20_250_716L;
    public static final double LEVEL = 0.95;

    private static final Quantile QUANTILE = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

    private final int[][] resamples;

    private StratifiedBootstrap(int[][] resamples) {
        this.resamples = resamples;
    }

    /** Resamples for units grouped by stratum: {@code strata[i]} is unit i's repeat; equal repeats need not touch. */
    public static StratifiedBootstrap of(int[] strata) {
        return of(strata, RESAMPLES, SEED);
    }

    /** One stratum: a single run's held-out units. */
    public static StratifiedBootstrap unstratified(int units) {
        return of(new int[units], RESAMPLES, SEED);
    }

    public static StratifiedBootstrap of(int[] strata, int resampleCount, long seed) {
        if (strata.length == 0) {
            throw new IllegalArgumentException("the bootstrap needs at least one unit");
        }
        if (resampleCount < 1) {
            throw new IllegalArgumentException("resampleCount must be >= 1");
        }
        int[][] members = membersByStratum(strata);
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        int[][] out = new int[resampleCount][strata.length];
        for (int b = 0; b < resampleCount; b++) {
            int pos = 0;
            for (int[] stratum : members) {
                for (int j = 0; j < stratum.length; j++) {
                    out[b][pos++] = stratum[rng.nextInt(stratum.length)];
                }
            }
        }
        return new StratifiedBootstrap(out);
    }

    public int resampleCount() {
        return resamples.length;
    }

    /** A copy of resample b's unit indices (for tests and reports that show the draws). */
    int[] resample(int b) {
        return resamples[b].clone();
    }

    /**
     * The statistic evaluated on every resample (indices into the units), in resample order. A NaN result (a
     * statistic undefined on that resample) is kept as NaN.
     */
    public double[] distribution(ToDoubleFunction<int[]> statistic) {
        double[] values = new double[resamples.length];
        for (int b = 0; b < resamples.length; b++) {
            values[b] = statistic.applyAsDouble(resamples[b]);
        }
        return values;
    }

    /** The 95 % percentile interval of the statistic. Null if the statistic is undefined on some resample. */
    public Interval interval(ToDoubleFunction<int[]> statistic) {
        return percentileInterval(distribution(statistic));
    }

    /** The 95 % percentile interval of a bootstrap distribution; null if any value is NaN. */
    public static Interval percentileInterval(double[] distribution) {
        for (double v : distribution) {
            if (Double.isNaN(v)) {
                return null;
            }
        }
        double alpha = (1 - LEVEL) / 2;
        double[] q = QUANTILE.evaluate(distribution, alpha, 1 - alpha);
        return new Interval(q[0], q[1]);
    }

    // Unit indices per stratum, strata in ascending order, units in their given order within a stratum.
    private static int[][] membersByStratum(int[] strata) {
        int[] distinct = Arrays.stream(strata).distinct().sorted().toArray();
        int[][] members = new int[distinct.length][];
        for (int s = 0; s < distinct.length; s++) {
            int stratum = distinct[s];
            members[s] = IntStream.range(0, strata.length).filter(i -> strata[i] == stratum).toArray();
        }
        return members;
    }
}
