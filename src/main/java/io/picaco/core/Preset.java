package io.picaco.core;

/** The parameter presets of docs/algorithm.md. {@code heldOut} below 1 is a share of the queries, else a count. */
public enum Preset {
    QUICK(12, 4, 4, 3, 1, 4, 3, 1.0),
    PAPER(50, 0.2, 10, 4, 1, 10, 15, 1.0);

    public final int trainingQueries;
    public final double heldOut;
    public final int iterations;
    public final int candidates;
    public final int samples;
    public final int alignedPoolSize;
    public final int noisyPoolSize;
    public final double beta;

    Preset(int trainingQueries, double heldOut, int iterations, int candidates, int samples, int alignedPoolSize,
            int noisyPoolSize, double beta) {
        this.trainingQueries = trainingQueries;
        this.heldOut = heldOut;
        this.iterations = iterations;
        this.candidates = candidates;
        this.samples = samples;
        this.alignedPoolSize = alignedPoolSize;
        this.noisyPoolSize = noisyPoolSize;
        this.beta = beta;
    }

    public static Preset fromName(String name) {
        return name == null ? QUICK : Preset.valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
