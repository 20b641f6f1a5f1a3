package io.picaco.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.picaco.conductor.RunSpec;
import io.picaco.core.BuiltInCompositions;
import io.picaco.core.Composition;
import io.picaco.core.Preset;
import io.picaco.core.QuerySets;
import io.picaco.core.SeedInstruction;
import io.picaco.validation.Bound;
import io.picaco.validation.Limits;

/** The form prefilled from a stored run, for "new run with the same settings": only what differs from the defaults. */
final class FormPrefill {
    private FormPrefill() {
    }

    static RunForm from(RunSpec spec, Limits limits) {
        RunForm f = RunForm.blank();
        f.set("name", spec.name());
        Composition c = spec.composition() == null ? null : BuiltInCompositions.find(spec.composition()).orElse(null);
        if (c != null) {
            f.set("source", RunForm.BUILTIN);
            f.set("composition", c.id());
        } else {
            f.set("source", RunForm.CUSTOM);
            f.setRows(spec.values().stream().map(v -> new ValueRow(v.name(), v.definition(), Bound.fmt(v.weight())))
                    .toList());
        }
        List<String> all = new ArrayList<>(spec.training());
        all.addAll(spec.heldOut());
        String builtInSet = null;
        for (String set : List.of(BuiltInCompositions.SCHWARTZ_QUERIES, BuiltInCompositions.HH_QUERIES)) {
            if (QuerySets.load(set).containsAll(all)) {
                builtInSet = set;
            }
        }
        Preset preset = Preset.fromName(spec.preset());
        f.set("preset", preset.name().toLowerCase(Locale.ROOT));
        if (builtInSet != null) {
            f.set("querySource", RunForm.BUILTIN);
            f.set("querySet", c != null && c.querySet().equals(builtInSet) ? "" : builtInSet);
        } else {
            f.set("querySource", RunForm.PASTE);
            f.set("queries", String.join("\n", all));
            f.set("heldOut", Integer.toString(spec.heldOut().size()));
        }
        putIfNot(f, "iterations", spec.iterations(), preset.iterations);
        putIfNot(f, "candidates", spec.candidates(), preset.candidates);
        putIfNot(f, "samples", spec.samples(), preset.samples);
        putIfNot(f, "evalSamples", spec.evalSamples(), 2);
        putIfNot(f, "alignedPoolSize", spec.alignedPoolSize(), preset.alignedPoolSize);
        putIfNot(f, "noisyPoolSize", spec.noisyPoolSize(), preset.noisyPoolSize);
        putIfNot(f, "maxLength", spec.maxLength(), Limits.defaultInstructionLength(limits));
        if (spec.beta() != preset.beta) {
            f.set("beta", Bound.fmt(spec.beta()));
        }
        f.set("judgeMode", spec.judgeMode().json());
        f.set("seed", Long.toString(spec.seed()));
        if (!spec.seedInstruction().equals(SeedInstruction.forValues(spec.values()))) {
            f.set("seedInstruction", spec.seedInstruction());
        }
        return f;
    }

    private static void putIfNot(RunForm f, String field, int value, int preset) {
        if (value != preset) {
            f.set(field, Integer.toString(value));
        }
    }
}
