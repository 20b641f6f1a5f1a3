package io.picaco.experiment.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    private static final int DRAWS = 400;

    /**
     * Coverage of the percentile bootstrap (Efron &amp; Tibshirani 1993, An Introduction to the Bootstrap, ch. 13):
     * for 400 samples of 40 units from N(3.4, 0.6²) the 95 % interval should contain the true mean in about 95 % of
     * them. With 400 draws the binomial standard error is √(0.95·0.05/400) ≈ 1.1 %, and the percentile interval is
     * known to be slightly narrow for small n (by about √((n−1)/n)), so we accept 91 %–98 %.
     */
    @Test
    void intervalCoversTheTrueMeanInAbout95PercentOfDraws() {
        ContinuousDistribution.Sampler normal = NormalDistribution.of(3.4, 0.6).createSampler(rng(1));
        int covered = 0;
        for (int d = 0; d < DRAWS; d++) {
            double[] units = new double[40];
            Arrays.setAll(units, i -> normal.sample());
            if (MeanInterval.of(units).ci().contains(3.4)) {
                covered++;
            }
        }
        double coverage = covered / (double) DRAWS;
        assertTrue(coverage >= 0.91 && coverage <= 0.98, "coverage " + coverage);
    }

    /**
     * The same with three repeats (16 units each) whose means differ (3.0, 3.5, 4.0), as repeats of an experiment
     * do: the stratified bootstrap keeps 16 units per repeat in every resample, so its interval reflects only the
     * within-repeat noise and still covers the true pooled mean 3.5 about 95 % of the time.
     */
    @Test
    void stratifiedIntervalCoversThePooledMeanWhenRepeatsDiffer() {
        ContinuousDistribution.Sampler noise = NormalDistribution.of(0, 0.5).createSampler(rng(2));
        double[] repeatMeans = {3.0, 3.5, 4.0};
        int[] repeats = new int[48];
        Arrays.setAll(repeats, i -> i / 16);
        int covered = 0;
        for (int d = 0; d < DRAWS; d++) {
            double[] units = new double[48];
            for (int i = 0; i < 48; i++) {
                units[i] = repeatMeans[repeats[i]] + noise.sample();
            }
            if (MeanInterval.of(units, repeats).ci().contains(3.5)) {
                covered++;
            }
        }
        double coverage = covered / (double) DRAWS;
        assertTrue(coverage >= 0.91 && coverage <= 0.98, "coverage " + coverage);
    }

    /**
     * Stratification: repeat 0 scores 1 on every unit and repeat 1 scores 5. Resampling within each repeat keeps
     * 8 units of each in every resample, so every resampled mean is exactly 3 and so is the interval; resampling
     * the 16 units as one pool mixes the repeats and spreads the means.
     */
    @Test
    void resamplesStayWithinEachRepeat() {
        double[] units = new double[16];
        int[] repeats = new int[16];
        for (int i = 0; i < 16; i++) {
            // Interleaved on purpose: strata need not be contiguous.
            repeats[i] = i % 2;
            units[i] = repeats[i] == 0 ? 1 : 5;
        }
        StratifiedBootstrap stratified = StratifiedBootstrap.of(repeats);
        for (int b = 0; b < stratified.resampleCount(); b++) {
            int[] draw = stratified.resample(b);
            assertEquals(8, Arrays.stream(draw).filter(i -> repeats[i] == 0).count(), "resample " + b);
        }

        MeanInterval withStrata = MeanInterval.of(units, repeats);
        MeanInterval pooled = MeanInterval.of(units);

        assertEquals(3.0, withStrata.mean());
        assertEquals(new Interval(3.0, 3.0), withStrata.ci());
        assertTrue(pooled.ci().lo() < 2.5 && pooled.ci().hi() > 3.5, "unstratified " + pooled.ci());
        assertEquals(StratifiedBootstrap.RESAMPLES, stratified.resampleCount());
    }

    @Test
    void sameInputGivesTheSameIntervalAndADifferentSeedDifferentDraws() {
        double[] units = {3.1, 4.2, 2.7, 3.9, 4.4, 3.3, 2.9, 3.6, 4.0, 3.8};

        assertEquals(MeanInterval.of(units), MeanInterval.of(units.clone()));
        int[] strata = new int[units.length];
        double[] a = StratifiedBootstrap.of(strata, 500, 7).distribution(idx -> CellStatistics.mean(units, idx));
        double[] b = StratifiedBootstrap.of(strata, 500, 7).distribution(idx -> CellStatistics.mean(units, idx));
        double[] c = StratifiedBootstrap.of(strata, 500, 8).distribution(idx -> CellStatistics.mean(units, idx));
        assertArrayEquals(a, b, 0.0);
        assertNotEquals(Arrays.toString(a), Arrays.toString(c));
    }

    @Test
    void singleRunFormatsMeanAndInterval() {
        double[] units = {3.0, 4.0, 3.5, 3.5};
        MeanInterval m = MeanInterval.of(units);

        assertEquals(3.5, m.mean(), 1e-12);
        assertTrue(m.ci().lo() >= 3.0 && m.ci().lo() < 3.5 && m.ci().hi() > 3.5 && m.ci().hi() <= 4.0, "" + m.ci());
        assertEquals(String.format(Locale.ROOT, "3.50 [%.2f, %.2f]", m.ci().lo(), m.ci().hi()), m.format(2));
    }

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.SPLIT_MIX_64.create(seed);
    }
}
