package io.picaco.conductor;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.core.EarlyStopping;
import io.picaco.core.ObjectiveSpec;
import io.picaco.core.Pools;
import io.picaco.core.ScoredResponse;
import io.picaco.llm.Usage;
import io.picaco.steps.SelectInput;
import io.picaco.steps.SelectOutput;
import io.picaco.store.Instruction;
import io.picaco.store.Json;
import io.picaco.store.ResponseRow;
import io.picaco.store.Run;
import io.picaco.store.RunIteration;
import io.picaco.store.RunStatus;
import io.picaco.store.StepExecution;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Select: Ĵ for every instruction of the iteration, the winner, the aligned pool, and whether the run stops. The
 * select step is called with no transaction open (a remote select may take longer than a transaction may stay open,
 * and must not hold the run row meanwhile); a failed select is recorded and tried again on the next pass.
 */
@ApplicationScoped
class SelectPhase implements PhaseStep {
    /** How often a failing select step is tried (each try already retries transient errors) before the run fails. */
    static final int ATTEMPTS = 3;

    @Inject
    StepInvoker steps;
    @Inject
    RunLedger ledger;

    @Override
    public Set<Phase> phases() {
        return Set.of(Phase.SELECT);
    }

    @Override
    public void run(Snapshot s) {
        SelectInput input = QuarkusTransaction.requiringNew().call(() -> input(Run.findById(s.runId()), s.spec(),
                s.method()));
        Instant started = Instant.now();
        SelectOutput out;
        try {
            out = steps.select(input);
        } catch (StepFailure e) {
            recordFailure(s, e.getMessage(), started);
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Run run = ledger.lockIfAt(s.runId(), s.phase(), s.iteration());
            if (run != null) {
                commit(run, s, out, started);
            }
        });
    }

    private SelectInput input(Run run, RunSpec spec, Method method) {
        List<ResponseRow> train = ledger.responses(run.id, ResponseRow.TRAIN);
        Map<String, Double> baselines = Baselines.of(train, run.bareId);
        List<SelectInput.Instruction> instructions = ledger.iterationSet(run).stream()
                .map(ins -> new SelectInput.Instruction(ins.id.toString(), train.stream()
                        .filter(r -> r.instructionId.equals(ins.id)).map(SelectPhase::response).toList()))
                .toList();
        boolean redundancy = method.objective(spec).redundancy();
        return new SelectInput(spec.beta(), spec.valueIds(), spec.weights(), baselines,
                run.iteration == 0 ? null : String.valueOf(run.incumbentId), instructions, null,
                redundancy ? null : Boolean.FALSE);
    }

    static SelectInput.Response response(ResponseRow r) {
        return new SelectInput.Response(r.id.toString(), r.queryKey(), Json.doubles(r.ratingsJson), r.redundancy);
    }

    private void recordFailure(Snapshot s, String error, Instant started) {
        QuarkusTransaction.requiringNew().run(() -> {
            Run run = ledger.lockIfAt(s.runId(), s.phase(), s.iteration());
            if (run == null) {
                return;
            }
            ledger.recordStep(run.id, Phase.SELECT, run.iteration, null, 1, 1, Usage.NONE, error, started);
            long failures = StepExecution.count("runId = ?1 and phase = ?2 and iteration = ?3 and status = 'FAILED'",
                    run.id, Phase.SELECT.name(), run.iteration);
            if (failures >= ATTEMPTS) {
                run.status = RunStatus.FAILED;
                run.error = "the select step failed " + failures + " times in iteration " + run.iteration
                        + "; last error: " + error;
                run.finishedAt = Instant.now();
            }
        });
    }

    private void commit(Run run, Snapshot s, SelectOutput out, Instant started) {
        RunSpec spec = s.spec();
        List<ResponseRow> train = ledger.responses(run.id, ResponseRow.TRAIN);
        List<Instruction> set = ledger.iterationSet(run);
        for (SelectOutput.Ranked r : out.ranking()) {
            Instruction ins = Instruction.findById(Long.valueOf(r.id()));
            ins.jHat = r.jHat();
            ins.perValueJson = Json.write(r.perValue());
            ins.samples = r.samples();
        }
        run.incumbentId = Long.valueOf(s.method().winner(out));
        refreshAlignedPool(run, train, s.method().objective(spec), spec.alignedPoolSize());
        ledger.recordStep(run.id, Phase.SELECT, run.iteration, null, 1, 0, Usage.NONE, null, started);

        Instruction selected = Instruction.findById(run.incumbentId);
        RunIteration it = new RunIteration();
        it.runId = run.id;
        it.iteration = run.iteration;
        it.instructionId = selected.id;
        it.jHat = selected.jHat;
        it.perValueJson = selected.perValueJson;
        it.candidates = set.size();
        it.createdAt = Instant.now();
        it.persist();

        List<Double> best = RunIteration.<RunIteration>list("runId = ?1 order by iteration", run.id).stream()
                .map(r -> s.method().score(r.jHat, r.perValueJson == null ? null : Json.doubles(r.perValueJson)))
                .map(score -> score == null ? Double.NEGATIVE_INFINITY : score).toList();
        boolean stop = s.method().lastIteration(spec, run.iteration)
                || new EarlyStopping(spec.delta(), spec.patience()).shouldStop(best);
        Transitions.completed(run, s.method(), stop);
    }

    private void refreshAlignedPool(Run run, List<ResponseRow> train, ObjectiveSpec objective, int size) {
        List<ScoredResponse> scored = train.stream()
                .filter(r -> !r.instructionId.equals(run.bareId) && r.scored)
                .map(r -> new ScoredResponse(r.id.toString(), r.queryKey(), Json.doubles(r.ratingsJson), r.redundancy))
                .toList();
        Set<String> keep = new HashSet<>();
        Pools.aligned(scored, objective, size).values().forEach(keep::addAll);
        for (ResponseRow r : train) {
            if (keep.contains(r.id.toString())) {
                r.pool = ResponseRow.ALIGNED;
            } else if (ResponseRow.ALIGNED.equals(r.pool)) {
                r.pool = null;
            }
        }
    }
}
