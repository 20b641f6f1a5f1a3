package io.picaco.conductor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.core.Demonstration;
import io.picaco.store.Instruction;
import io.picaco.store.ResponseRow;
import io.picaco.store.Run;

/**
 * Evaluation: the bare model, the seed and the run's best instruction answer the held-out queries, S_eval samples
 * each, and every answer is rated and embedded.
 */
@ApplicationScoped
class EvaluatePhase implements PhaseStep {
    @Inject
    Sampler sampler;
    @Inject
    Scorer scorer;

    @Override
    public Set<Phase> phases() {
        return Set.of(Phase.EVAL_SAMPLE, Phase.EVAL_SCORE);
    }

    @Override
    public void run(Snapshot s) {
        if (s.phase() == Phase.EVAL_SAMPLE) {
            sampler.sample(s, EvaluatePhase::expected);
        } else {
            scorer.score(s, true, ResponseRow.TEST, run -> {
            });
        }
    }

    private static List<SampleWork> expected(Run run, RunSpec spec) {
        List<SampleWork> work = new ArrayList<>();
        List<Demonstration> demonstrations = Methods.of(spec.method()).demonstrations(spec);
        for (Long id : new LinkedHashSet<>(List.of(run.bareId, run.seedId, run.incumbentId))) {
            Instruction ins = Instruction.findById(id);
            String text = Instruction.BARE.equals(ins.origin) ? null : ins.text;
            // A fixed method's demonstrations go with its own instruction only.
            List<Demonstration> turns = Instruction.FIXED.equals(ins.origin) && !demonstrations.isEmpty()
                    ? demonstrations : null;
            for (int q = 0; q < spec.heldOut().size(); q++) {
                for (int k = 0; k < spec.evalSamples(); k++) {
                    work.add(new SampleWork(ins.id, text, ResponseRow.TEST, q, k, turns));
                }
            }
        }
        return work;
    }
}
