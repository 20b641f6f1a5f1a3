package io.picaco.validation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every input rule that is a number: the ranges of a run's parameters, the sizes of texts and lists, and the caps
 * on what one request may cost. The one source of truth for the JSON API, the web form and the step functions:
 * {@link Within} reads its ranges from here, and the form shows them. Change a value in configuration
 * ({@code picaco.limits.*}) and all three enforce it.
 */
@ConfigMapping(prefix = "picaco.limits")
public interface Limits {

    /** Most model calls a run may be estimated at (the exact estimate of the estimate endpoint); larger runs get a 400. */
    @WithDefault("50000")
    long maxCallsPerRun();

    /** Most runs queued or running at once; one more gets a 429 with {@code Retry-After}. */
    @WithDefault("20")
    int maxActiveRuns();

    /** Most iterations T of a run (at least 1). */
    @WithDefault("50")
    int maxIterations();

    /** Most candidates C per iteration; also the most a {@code /propose} call may ask for ({@code count}). */
    @WithDefault("16")
    int maxCandidates();

    /** Most samples S per training query, and per held-out query in the evaluation. */
    @WithDefault("8")
    int maxSamples();

    /** Largest aligned pool M1 and noisy pool M2 (responses kept per query). */
    @WithDefault("50")
    int maxPoolSize();

    /** Largest β, the weight of the value term against the redundancy penalty (must be above 0). */
    @WithDefault("100")
    double maxBeta();

    /** Fewest and most values of a run, or of a propose or score step. */
    @WithDefault("2")
    int minValues();

    @WithDefault("16")
    int maxValues();

    /** Longest value name and definition, in characters. */
    @WithDefault("80")
    int maxValueName();

    @WithDefault("400")
    int maxValueDefinition();

    /** Largest value weight (must be above 0). */
    @WithDefault("100")
    double maxWeight();

    /** Fewest and most queries of a run; longest query, in characters. */
    @WithDefault("4")
    int minQueries();

    @WithDefault("2000")
    int maxQueries();

    @WithDefault("4000")
    int maxQueryLength();

    /** The instruction length limit a run gets when it names none ({@code maxLength}); at most the maximum below. */
    @WithDefault("1500")
    int defaultInstructionLength();

    /** Smallest instruction length limit a run or a {@code /propose} call may ask for. */
    @WithDefault("200")
    int minInstructionLength();

    /**
     * Longest instruction anywhere, in characters: the largest {@code maxLength}, a seed instruction, and every
     * instruction a step function receives.
     */
    @WithDefault("8000")
    int maxInstructionLength();

    /** Longest run name. */
    @WithDefault("200")
    int maxNameLength();

    /** Most items one step call may carry (responses to sample or score, instructions to select from). */
    @WithDefault("1000")
    int maxItems();

    /** Longest response (and value text {@code observations}) a step function receives. */
    @WithDefault("20000")
    int maxResponseLength();

    /** The default instruction length limit, never above the maximum. */
    static int defaultInstructionLength(Limits l) {
        return Math.min(l.defaultInstructionLength(), l.maxInstructionLength());
    }
}
