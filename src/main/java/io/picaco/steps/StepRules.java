package io.picaco.steps;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.core.Demonstration;
import io.picaco.llm.OptimizerPrompt;
import io.picaco.validation.Checks;
import io.picaco.validation.Inputs;
import io.picaco.validation.Limits;

/**
 * Input rules of the step functions; every violation names its JSON field. The field rules are Bean Validation
 * constraints on the input records (ranges from {@link Limits}); this class adds what those cannot say: rules
 * across fields (ratings name one of the values, the incumbent is one of the instructions) and the texts inside
 * the optimizer's own records (of {@code llm}, which carry no constraints).
 */
@ApplicationScoped
public class StepRules {
    static final int MAX_VALUE_ID = 64;

    @Inject
    Inputs inputs;

    /** The violations of {@code in}'s declared constraints; "body" when there is none. */
    private Checks start(Object in) {
        Checks c = inputs.check(in);
        c.present(in, "body");
        return c;
    }

    void sample(SampleInput in) {
        Checks c = start(in);
        if (in != null && c.ok()) {
            // Demonstrations are core records (no annotations there): their texts are checked here.
            int max = inputs.limits().maxResponseLength();
            for (int i = 0; i < in.items().size(); i++) {
                List<Demonstration> turns = in.items().get(i).demonstrations();
                for (int k = 0; turns != null && k < turns.size(); k++) {
                    String f = "items[" + i + "].demonstrations[" + k + "]";
                    c.text(turns.get(k).query(), inputs.limits().maxQueryLength(), f + ".query");
                    c.text(turns.get(k).answer(), max, f + ".answer");
                }
            }
        }
        c.throwIfAny();
    }

    void score(ScoreInput in) {
        start(in).throwIfAny();
    }

    void propose(ProposeInput in) {
        Checks c = start(in);
        if (in != null && c.ok()) {
            Limits l = inputs.limits();
            List<OptimizerPrompt.Exemplar> exemplars = in.exemplars() == null ? List.of() : in.exemplars();
            for (int i = 0; i < exemplars.size(); i++) {
                var e = exemplars.get(i);
                String f = "exemplars[" + i + "]";
                if (c.present(e, f)) {
                    atMost(c, e.value(), MAX_VALUE_ID, f + ".value");
                    atMost(c, e.query(), l.maxQueryLength(), f + ".query");
                    atMost(c, e.high(), l.maxResponseLength(), f + ".high");
                    atMost(c, e.low(), l.maxResponseLength(), f + ".low");
                    atMost(c, e.highReason(), l.maxResponseLength(), f + ".highReason");
                    atMost(c, e.lowReason(), l.maxResponseLength(), f + ".lowReason");
                    for (Double r : java.util.Arrays.asList(e.highRating(), e.lowRating())) {
                        c.require(r == null || (r >= 1 && r <= 5), f + ".rating", "must be between 1 and 5");
                    }
                }
            }
            List<OptimizerPrompt.TrajectoryEntry> trajectory = in.trajectory() == null ? List.of() : in.trajectory();
            for (int i = 0; i < trajectory.size(); i++) {
                var t = trajectory.get(i);
                if (c.present(t, "trajectory[" + i + "]")) {
                    c.text(t.instruction(), l.maxInstructionLength(), "trajectory[" + i + "].instruction");
                }
            }
        }
        c.throwIfAny();
    }

    private static void atMost(Checks c, String s, int max, String field) {
        c.require(s == null || s.length() <= max, field, "must be at most " + max + " characters");
    }

    void select(SelectInput in) {
        Checks c = start(in);
        if (in == null) {
            c.throwIfAny();
        }
        // reported together with the declared rules, so each entry may still be missing here
        Set<String> values = in.values() == null ? Set.of() : new HashSet<>(in.values());
        if (in.weights() != null) {
            in.weights().keySet().forEach(k -> c.require(values.contains(k), "weights." + k, "is not one of values"));
        }
        if (in.baselines() != null) {
            in.baselines().forEach((q, b) -> c.require(b == null || Double.isFinite(b), "baselines." + q,
                    "must be a number"));
        }
        Set<String> instructionIds = new HashSet<>();
        Set<String> responseIds = new HashSet<>();
        List<SelectInput.Instruction> instructions = in.instructions() == null ? List.of() : in.instructions();
        for (int i = 0; i < instructions.size(); i++) {
            SelectInput.Instruction ins = instructions.get(i);
            if (ins != null) {
                instructionIds.add(ins.id());
            }
            if (ins == null || ins.responses() == null) {
                continue;
            }
            String f = "instructions[" + i + "]";
            for (int j = 0; j < ins.responses().size(); j++) {
                SelectInput.Response r = ins.responses().get(j);
                if (r == null) {
                    continue;
                }
                String g = f + ".responses[" + j + "]";
                c.require(r.id() == null || responseIds.add(r.id()), g + ".id",
                        "duplicate response id '" + r.id() + "'");
                if (r.ratings() != null) {
                    for (Map.Entry<String, Double> e : r.ratings().entrySet()) {
                        c.require(values.contains(e.getKey()), g + ".ratings." + e.getKey(), "is not one of values");
                    }
                }
            }
        }
        if (in.incumbent() != null) {
            c.require(instructionIds.contains(in.incumbent()), "incumbent", "is not one of the instruction ids");
        }
        c.throwIfAny();
    }
}
