package io.picaco.experiment.stats;

import java.util.Locale;

/**
 * A single run's held-out mean with its 95 % percentile-bootstrap interval over units ({@code mean [lo, hi]}), for
 * the run page and API. Same generator, seed and resample count as an experiment's cells.
 */
public record MeanInterval(double mean, Interval ci) {

    /** Units of one run (one repeat): one score per held-out query, the weighted mean over samples and values. */
    public static MeanInterval of(double[] unitScores) {
        return of(unitScores, new int[unitScores.length]);
    }

    /** Units stratified by repeat: {@code repeats[i]} is unit i's repeat. */
    public static MeanInterval of(double[] unitScores, int[] repeats) {
        if (unitScores.length == 0 || unitScores.length != repeats.length) {
            throw new IllegalArgumentException("one repeat per unit score, and at least one unit");
        }
        for (double score : unitScores) {
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException("unit scores must be finite");
            }
        }
        StratifiedBootstrap bootstrap = StratifiedBootstrap.of(repeats);
        return new MeanInterval(CellStatistics.mean(unitScores, null),
                bootstrap.interval(idx -> CellStatistics.mean(unitScores, idx)));
    }

    /** For example {@code 3.41 [3.30, 3.52]}. */
    public String format(int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " [" + f + ", " + f + "]", mean, ci.lo(), ci.hi());
    }
}
