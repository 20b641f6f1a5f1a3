package io.picaco.validation;

import java.util.function.ToDoubleFunction;

/**
 * A named range read from {@link Limits}: for numbers their value, for texts their length (the lower end unused:
 * {@code @NotBlank} says when a text is required), for lists and maps their size.
 */
public enum Bound {
    ITERATIONS(l -> 1, Limits::maxIterations),
    CANDIDATES(l -> 1, Limits::maxCandidates),
    SAMPLES(l -> 1, Limits::maxSamples),
    POOL_SIZE(l -> 1, Limits::maxPoolSize),
    /** Above 0 (exclusive), at most the maximum. */
    BETA(l -> 0, Limits::maxBeta, true),
    WEIGHT(l -> 0, Limits::maxWeight, true),
    VALUES(Limits::minValues, Limits::maxValues),
    /** Value ids a select step or a propose step's {@code weakest} names: any number up to the most values. */
    VALUE_IDS(l -> 0, Limits::maxValues),
    VALUE_NAME(l -> 0, Limits::maxValueName),
    VALUE_DEFINITION(l -> 0, Limits::maxValueDefinition),
    QUERIES(Limits::minQueries, Limits::maxQueries),
    QUERY(l -> 0, Limits::maxQueryLength),
    INSTRUCTION_LENGTH(Limits::minInstructionLength, Limits::maxInstructionLength),
    INSTRUCTION(l -> 0, Limits::maxInstructionLength),
    NAME(l -> 0, Limits::maxNameLength),
    ITEMS(l -> 1, Limits::maxItems),
    /** Earlier instructions a propose step must not repeat. */
    EARLIER(l -> 0, Limits::maxItems),
    RESPONSE(l -> 0, Limits::maxResponseLength);

    private final ToDoubleFunction<Limits> min;
    private final ToDoubleFunction<Limits> max;
    private final boolean exclusiveMin;

    Bound(ToDoubleFunction<Limits> min, ToDoubleFunction<Limits> max) {
        this(min, max, false);
    }

    Bound(ToDoubleFunction<Limits> min, ToDoubleFunction<Limits> max, boolean exclusiveMin) {
        this.min = min;
        this.max = max;
        this.exclusiveMin = exclusiveMin;
    }

    public double min(Limits l) {
        return min.applyAsDouble(l);
    }

    public double max(Limits l) {
        return max.applyAsDouble(l);
    }

    /** Whether a number is in range; NaN and infinities never are. */
    public boolean contains(Limits l, double v) {
        return (exclusiveMin ? v > min(l) : v >= min(l)) && v <= max(l);
    }

    /** What a number out of range is told, in the words the API has always used. */
    public String numberMessage(Limits l) {
        return exclusiveMin ? "must be > " + fmt(min(l)) + " and at most " + fmt(max(l))
                : "must be between " + fmt(min(l)) + " and " + fmt(max(l));
    }

    public static String fmt(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
