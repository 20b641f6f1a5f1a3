package io.picaco.steps;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.picaco.llm.Judge;
import io.picaco.validation.Checks;

/** Input rules of the step functions; every violation names its JSON field. */
public final class StepRules {
    static final int MAX_ITEMS = 1000;
    static final int MAX_QUERY = 4000;
    static final int MAX_INSTRUCTION = 8000;
    static final int MAX_RESPONSE = 20000;

    private StepRules() {
    }

    public static void values(Checks c, List<ValueInput> values, String field) {
        if (!c.present(values, field)) {
            return;
        }
        c.size(values, 2, 16, field);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            ValueInput v = values.get(i);
            String f = field + "[" + i + "]";
            if (!c.present(v, f)) {
                continue;
            }
            if (c.require(v.id() != null && v.id().matches("[a-z0-9][a-z0-9_-]{0,63}"), f + ".id",
                    "must be a slug: lowercase letters, digits, '-' or '_', at most 64 characters")) {
                c.require(ids.add(v.id()), f + ".id", "duplicate value id '" + v.id() + "'");
            }
            c.text(v.name(), 80, f + ".name");
            c.text(v.definition(), 400, f + ".definition");
            if (v.weight() != null) {
                c.require(v.weight() > 0 && v.weight() <= 100, f + ".weight", "must be > 0 and at most 100");
            }
        }
    }

    /** An item's id (present, unique in the request) and its query. */
    private static void item(Checks c, String id, String query, String f, Set<String> ids) {
        if (c.require(id != null && !id.isBlank(), f + ".id", "must not be empty")
                && c.require(id.length() <= 200, f + ".id", "must be at most 200 characters")) {
            c.require(ids.add(id), f + ".id", "duplicate item id '" + id + "'");
        }
        c.text(query, MAX_QUERY, f + ".query");
    }

    static void sample(SampleInput in) {
        Checks c = new Checks();
        if (c.present(in, "body") && c.present(in.items(), "items")) {
            c.size(in.items(), 1, MAX_ITEMS, "items");
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < in.items().size(); i++) {
                SampleInput.Item it = in.items().get(i);
                String f = "items[" + i + "]";
                if (!c.present(it, f)) {
                    continue;
                }
                item(c, it.id(), it.query(), f, ids);
                if (it.instruction() != null) {
                    c.require(it.instruction().length() <= MAX_INSTRUCTION, f + ".instruction",
                            "must be at most " + MAX_INSTRUCTION + " characters");
                }
                c.range(it.sampleIndex(), 0, 1_000_000, f + ".sampleIndex");
            }
            c.range(in.temperature(), 0, 2, "temperature");
        }
        c.throwIfAny();
    }

    static void score(ScoreInput in) {
        Checks c = new Checks();
        if (c.present(in, "body")) {
            values(c, in.values(), "values");
            if (in.observations() != null) {
                c.text(in.observations(), 20000, "observations");
            }
            if (in.judgeMode() != null) {
                c.require(Judge.JOINT.equals(in.judgeMode()) || Judge.PER_VALUE.equals(in.judgeMode()), "judgeMode",
                        "must be 'joint' or 'per-value'");
            }
            if (c.present(in.items(), "items")) {
                c.size(in.items(), 1, MAX_ITEMS, "items");
                Set<String> ids = new HashSet<>();
                for (int i = 0; i < in.items().size(); i++) {
                    ScoreInput.Item it = in.items().get(i);
                    String f = "items[" + i + "]";
                    if (!c.present(it, f)) {
                        continue;
                    }
                    item(c, it.id(), it.query(), f, ids);
                    c.text(it.response(), MAX_RESPONSE, f + ".response");
                }
            }
        }
        c.throwIfAny();
    }

    static void propose(ProposeInput in) {
        Checks c = new Checks();
        if (c.present(in, "body")) {
            values(c, in.values(), "values");
            c.range(in.count(), 1, 16, "count");
            c.range(in.maxLength(), 100, 8000, "maxLength");
            c.size(in.trajectory(), 0, 200, "trajectory");
            texts(c, in.weakest(), 16, 64, "weakest");
            texts(c, in.avoid(), 50, MAX_RESPONSE, "avoid");
            texts(c, in.earlier(), MAX_ITEMS, MAX_INSTRUCTION, "earlier");
            c.size(in.exemplars(), 0, 64, "exemplars");
            if (in.exemplars() != null) {
                for (int i = 0; i < in.exemplars().size(); i++) {
                    var e = in.exemplars().get(i);
                    String f = "exemplars[" + i + "]";
                    if (c.present(e, f)) {
                        c.require(e.value() == null || e.value().length() <= 64, f + ".value", "must be at most 64 characters");
                        c.require(e.query() == null || e.query().length() <= MAX_QUERY, f + ".query",
                                "must be at most " + MAX_QUERY + " characters");
                        c.require(e.high() == null || e.high().length() <= MAX_RESPONSE, f + ".high",
                                "must be at most " + MAX_RESPONSE + " characters");
                        c.require(e.low() == null || e.low().length() <= MAX_RESPONSE, f + ".low",
                                "must be at most " + MAX_RESPONSE + " characters");
                        for (String r : java.util.Arrays.asList(e.highReason(), e.lowReason())) {
                            c.require(r == null || r.length() <= MAX_RESPONSE, f + ".reason",
                                    "must be at most " + MAX_RESPONSE + " characters");
                        }
                        for (Double r : java.util.Arrays.asList(e.highRating(), e.lowRating())) {
                            c.require(r == null || (r >= 1 && r <= 5), f + ".rating", "must be between 1 and 5");
                        }
                    }
                }
            }
            if (in.trajectory() != null) {
                for (int i = 0; i < in.trajectory().size(); i++) {
                    var t = in.trajectory().get(i);
                    if (c.present(t, "trajectory[" + i + "]")) {
                        c.text(t.instruction(), MAX_INSTRUCTION, "trajectory[" + i + "].instruction");
                    }
                }
            }
        }
        c.throwIfAny();
    }

    /** An optional list of at most {@code maxSize} strings of at most {@code maxLength} characters each. */
    private static void texts(Checks c, List<String> list, int maxSize, int maxLength, String field) {
        if (list == null) {
            return;
        }
        c.size(list, 0, maxSize, field);
        for (int i = 0; i < list.size() && i < maxSize; i++) {
            c.require(list.get(i) == null || list.get(i).length() <= maxLength, field + "[" + i + "]",
                    "must be at most " + maxLength + " characters");
        }
    }

    static void select(SelectInput in) {
        Checks c = new Checks();
        if (!c.present(in, "body")) {
            c.throwIfAny();
        }
        if (in.beta() != null) {
            c.require(in.beta() > 0 && Double.isFinite(in.beta()), "beta", "must be > 0");
        }
        Set<String> values = new HashSet<>();
        if (c.present(in.values(), "values")) {
            c.size(in.values(), 1, 16, "values");
            for (int i = 0; i < in.values().size(); i++) {
                String v = in.values().get(i);
                if (c.require(v != null && !v.isBlank(), "values[" + i + "]", "must not be empty")) {
                    c.require(values.add(v), "values[" + i + "]", "duplicate value id '" + v + "'");
                }
            }
        }
        if (in.weights() != null) {
            in.weights().forEach((k, w) -> {
                c.require(values.contains(k), "weights." + k, "is not one of values");
                c.require(w != null && w > 0 && Double.isFinite(w), "weights." + k, "must be > 0");
            });
        }
        if (in.baselines() != null) {
            in.baselines().forEach((q, b) -> c.require(b != null && Double.isFinite(b), "baselines." + q,
                    "must be a number"));
        }
        c.range(in.alignedPoolSize(), 1, 50, "alignedPoolSize");
        Set<String> instructionIds = new HashSet<>();
        Set<String> responseIds = new HashSet<>();
        if (c.present(in.instructions(), "instructions")) {
            c.size(in.instructions(), 1, 1000, "instructions");
            for (int i = 0; i < in.instructions().size(); i++) {
                SelectInput.Instruction ins = in.instructions().get(i);
                String f = "instructions[" + i + "]";
                if (!c.present(ins, f)) {
                    continue;
                }
                if (c.require(ins.id() != null && !ins.id().isBlank(), f + ".id", "must not be empty")) {
                    c.require(instructionIds.add(ins.id()), f + ".id", "duplicate instruction id '" + ins.id() + "'");
                }
                if (!c.present(ins.responses(), f + ".responses")) {
                    continue;
                }
                for (int j = 0; j < ins.responses().size(); j++) {
                    response(c, ins.responses().get(j), f + ".responses[" + j + "]", values, responseIds);
                }
            }
        }
        if (in.incumbent() != null) {
            c.require(instructionIds.contains(in.incumbent()), "incumbent", "is not one of the instruction ids");
        }
        c.throwIfAny();
    }

    private static void response(Checks c, SelectInput.Response r, String f, Set<String> values,
            Set<String> responseIds) {
        if (!c.present(r, f)) {
            return;
        }
        if (c.require(r.id() != null && !r.id().isBlank(), f + ".id", "must not be empty")) {
            c.require(responseIds.add(r.id()), f + ".id", "duplicate response id '" + r.id() + "'");
        }
        c.require(r.queryId() != null && !r.queryId().isBlank(), f + ".queryId", "must not be empty");
        if (r.redundancy() != null) {
            c.require(r.redundancy() >= -1 && r.redundancy() <= 1, f + ".redundancy", "must be a cosine in [-1, 1]");
        }
        if (r.ratings() != null) {
            for (Map.Entry<String, Double> e : r.ratings().entrySet()) {
                c.require(values.contains(e.getKey()), f + ".ratings." + e.getKey(), "is not one of values");
                if (e.getValue() != null) {
                    c.range(e.getValue(), 1, 5, f + ".ratings." + e.getKey());
                }
            }
        }
    }
}
