package io.picaco.web;

import java.util.List;
import java.util.Locale;

import io.picaco.core.Preset;

/** The advanced parameters of the form with their defaults per preset and a one-line explanation. */
public final class FormParams {
    public record Param(String field, String label, String help, String quick, String paper, String min, String max,
            String step) {
    }

    private FormParams() {
    }

    public static List<Param> all() {
        Preset q = Preset.QUICK;
        Preset p = Preset.PAPER;
        return List.of(
                new Param("iterations", "Iterations T", "Rounds of propose, sample, score and select (stops early "
                        + "when Ĵ stalls for 3 rounds).", i(q.iterations), i(p.iterations), "1", "50", "1"),
                new Param("candidates", "Candidates C", "New instructions the optimizer proposes per iteration.",
                        i(q.candidates), i(p.candidates), "1", "16", "1"),
                new Param("samples", "Samples S", "Responses sampled per training query for each candidate.",
                        i(q.samples), i(p.samples), "1", "8", "1"),
                new Param("evalSamples", "Evaluation samples", "Responses per held-out query in the final comparison.",
                        "2", "2", "1", "8", "1"),
                new Param("alignedPoolSize", "Aligned pool M1", "Best responses kept per query (by τ) as exemplars "
                        + "for the optimizer.", i(q.alignedPoolSize), i(p.alignedPoolSize), "1", "50", "1"),
                new Param("noisyPoolSize", "Noisy pool M2", "Bare responses kept per query to estimate the baseline "
                        + "b(x).", i(q.noisyPoolSize), i(p.noisyPoolSize), "1", "50", "1"),
                new Param("beta", "β", "Weight of the value term against the redundancy (parroting) penalty in τ.",
                        "1", "1", "0.1", "100", "any"),
                new Param("heldOut", "Held-out queries", "Queries kept for the final comparison: a count, or a share "
                        + "below 1.", "4", "0.2", "0.01", "2000", "any"),
                new Param("maxLength", "Maximum instruction length", "Longest instruction the optimizer may propose, "
                        + "in characters.", "1500", "1500", "200", "8000", "1"));
    }

    private static String i(int v) {
        return Integer.toString(v);
    }

    static String presetName(Preset p) {
        return p.name().toLowerCase(Locale.ROOT);
    }
}
