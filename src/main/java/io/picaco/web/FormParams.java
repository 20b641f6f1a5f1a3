package io.picaco.web;

import java.util.List;
import java.util.Locale;

import io.picaco.core.Preset;
import io.picaco.validation.Bound;
import io.picaco.validation.Limits;

/**
 * The advanced parameters of the form with their defaults per preset, a one-line explanation and the range the
 * API accepts (from {@link Limits}, so the form shows what is enforced).
 */
public final class FormParams {
    public record Param(String field, String label, String help, String quick, String paper, String range) {
    }

    private FormParams() {
    }

    public static List<Param> all(Limits l) {
        Preset q = Preset.QUICK;
        Preset p = Preset.PAPER;
        String maxLength = i(Limits.defaultInstructionLength(l));
        return List.of(
                new Param("iterations", "Iterations T", "Rounds of propose, sample, score and select (stops early "
                        + "when Ĵ stalls for 3 rounds).", i(q.iterations), i(p.iterations),
                        range(Bound.ITERATIONS, l)),
                new Param("candidates", "Candidates C", "New instructions the optimizer proposes per iteration.",
                        i(q.candidates), i(p.candidates), range(Bound.CANDIDATES, l)),
                new Param("samples", "Samples S", "Responses sampled per training query for each candidate.",
                        i(q.samples), i(p.samples), range(Bound.SAMPLES, l)),
                new Param("evalSamples", "Evaluation samples", "Responses per held-out query in the final comparison.",
                        "2", "2", range(Bound.SAMPLES, l)),
                new Param("alignedPoolSize", "Aligned pool M1", "Best responses kept per query (by τ) as exemplars "
                        + "for the optimizer.", i(q.alignedPoolSize), i(p.alignedPoolSize), range(Bound.POOL_SIZE, l)),
                new Param("noisyPoolSize", "Noisy pool M2", "Bare responses kept per query to estimate the baseline "
                        + "b(x).", i(q.noisyPoolSize), i(p.noisyPoolSize), range(Bound.POOL_SIZE, l)),
                new Param("beta", "β", "Weight of the value term against the redundancy (parroting) penalty in τ.",
                        "1", "1", "above 0, at most " + Bound.fmt(l.maxBeta())),
                new Param("heldOut", "Held-out queries", "Queries kept for the final comparison: a count, or a share "
                        + "below 1.", "4", "0.2", "a share between 0 and 1, or a count of at least 2"),
                new Param("maxLength", "Maximum instruction length", "Longest instruction the optimizer may propose, "
                        + "in characters.", maxLength, maxLength, range(Bound.INSTRUCTION_LENGTH, l)));
    }

    private static String range(Bound b, Limits l) {
        return Bound.fmt(b.min(l)) + " to " + Bound.fmt(b.max(l));
    }

    private static String i(int v) {
        return Integer.toString(v);
    }

    static String presetName(Preset p) {
        return p.name().toLowerCase(Locale.ROOT);
    }
}
