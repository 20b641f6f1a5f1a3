package io.picaco.conductor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.store.Instruction;
import io.picaco.store.ResponseRow;
import io.picaco.store.Run;

/** Sample: S responses per training query for each instruction of the iteration (the seed alone at iteration 0). */
@ApplicationScoped
class SamplePhase implements PhaseStep {
    @Inject
    Sampler sampler;
    @Inject
    RunLedger ledger;

    @Override
    public Set<Phase> phases() {
        return Set.of(Phase.SAMPLE);
    }

    @Override
    public void run(Snapshot s) {
        sampler.sample(s, this::expected);
    }

    private List<SampleWork> expected(Run run, RunSpec spec) {
        List<SampleWork> work = new ArrayList<>();
        for (Instruction ins : ledger.iterationSet(run)) {
            // The incumbent gets fresh samples every iteration it survives: indices continue after its earlier ones.
            int offset = (run.iteration - ins.iteration) * spec.samples();
            for (int q = 0; q < spec.training().size(); q++) {
                for (int k = 0; k < spec.samples(); k++) {
                    work.add(new SampleWork(ins.id, ins.text, ResponseRow.TRAIN, q, offset + k));
                }
            }
        }
        return work;
    }
}
