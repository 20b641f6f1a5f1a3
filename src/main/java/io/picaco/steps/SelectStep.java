package io.picaco.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.core.InstructionScore;
import io.picaco.core.ObjectiveSpec;
import io.picaco.core.Pools;
import io.picaco.core.ScoredResponse;
import io.picaco.core.Selection;

/** Pure arithmetic: Ĵ per instruction, the argmax with the incumbent rule, and optionally the aligned pool. */
@ApplicationScoped
public class SelectStep {
    @Inject
    StepRules rules;

    public SelectOutput select(SelectInput in) {
        rules.select(in);
        ObjectiveSpec spec = new ObjectiveSpec(in.beta() == null ? 1.0 : in.beta(), in.values(), in.weights(),
                !Boolean.FALSE.equals(in.redundancy()));
        Map<String, Double> baselines = in.baselines() == null ? Map.of() : in.baselines();
        List<Selection.Candidate> candidates = new ArrayList<>();
        List<ScoredResponse> all = new ArrayList<>();
        for (SelectInput.Instruction ins : in.instructions()) {
            List<ScoredResponse> rs = ins.responses().stream()
                    .map(r -> new ScoredResponse(r.id(), r.queryId(), r.ratings(), r.redundancy()))
                    .toList();
            candidates.add(new Selection.Candidate(ins.id(), rs));
            all.addAll(rs);
        }
        Selection.Result result = Selection.select(candidates, in.incumbent(), baselines, spec);
        List<SelectOutput.Ranked> ranking = result.ranking().stream().map(SelectStep::ranked).toList();
        Map<String, List<String>> pool = in.alignedPoolSize() == null ? null
                : Pools.aligned(all, spec, in.alignedPoolSize());
        return new SelectOutput(ranking, result.selected(), pool);
    }

    private static SelectOutput.Ranked ranked(InstructionScore s) {
        return new SelectOutput.Ranked(s.id(), s.jHat(), s.perValue(), s.samples());
    }
}
