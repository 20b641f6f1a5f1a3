package io.picaco.conductor;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.llm.Role;
import io.picaco.llm.Usage;
import io.picaco.steps.ProposeInput;
import io.picaco.steps.ProposeOutput;
import io.picaco.store.Instruction;
import io.picaco.store.ResponseRow;
import io.picaco.store.Run;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Propose: the optimizer writes the iteration's candidates from what the run's method shows it. A failed proposal is
 * recorded and the iteration goes on with the incumbent alone.
 */
@ApplicationScoped
class ProposePhase implements PhaseStep {
    @Inject
    StepInvoker steps;
    @Inject
    RunLedger ledger;
    @Inject
    BudgetGate budget;
    @Inject
    PhaseCompletion completion;

    @Override
    public Set<Phase> phases() {
        return Set.of(Phase.PROPOSE);
    }

    @Override
    public void run(Snapshot s) {
        if (!budget.allows(s, Role.OPTIMIZER, 1)) {
            return;
        }
        ProposeInput input = QuarkusTransaction.requiringNew().call(() -> {
            Run run = Run.findById(s.runId());
            return s.method().proposeInput(new ProposeContext(s.spec(), run.iteration, run.incumbentId,
                    ledger.instructions(run.id), ledger.responses(run.id, ResponseRow.TRAIN)));
        });
        Instant started = Instant.now();
        ProposeOutput out;
        try {
            out = steps.propose(input);
        } catch (StepFailure e) {
            out = new ProposeOutput(List.of(), Usage.NONE, e.getMessage());
        }
        ProposeOutput proposed = out;
        QuarkusTransaction.requiringNew().run(() -> {
            Run run = ledger.lockIfAt(s.runId(), s.phase(), s.iteration());
            if (run == null) {
                return;
            }
            Instant now = Instant.now();
            for (String text : proposed.candidates()) {
                Instruction ins = new Instruction();
                ins.runId = run.id;
                ins.iteration = run.iteration;
                ins.origin = Instruction.CANDIDATE;
                ins.text = text;
                ins.createdAt = now;
                ins.persist();
            }
            ledger.recordStep(run.id, Phase.PROPOSE, run.iteration, Role.OPTIMIZER, 1,
                    proposed.error() == null ? 0 : 1, proposed.usage(), proposed.error(), started);
            Transitions.completed(run, s.method(), false);
        });
    }
}
