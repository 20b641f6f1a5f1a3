package io.picaco.conductor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.PicacoConfig;
import io.picaco.core.EarlyStopping;
import io.picaco.core.ObjectiveSpec;
import io.picaco.core.Pools;
import io.picaco.core.ScoredResponse;
import io.picaco.core.Scoring;
import io.picaco.llm.Judge;
import io.picaco.llm.OptimizerPrompt;
import io.picaco.llm.Role;
import io.picaco.llm.Seeds;
import io.picaco.steps.ProposeInput;
import io.picaco.steps.ProposeOutput;
import io.picaco.steps.SampleInput;
import io.picaco.steps.SampleOutput;
import io.picaco.steps.ScoreInput;
import io.picaco.steps.ScoreOutput;
import io.picaco.steps.SelectInput;
import io.picaco.steps.SelectOutput;
import io.picaco.steps.ValueInput;
import io.picaco.store.Instruction;
import io.picaco.store.Json;
import io.picaco.store.Phase;
import io.picaco.store.ResponseRow;
import io.picaco.store.Run;
import io.picaco.store.RunIteration;
import io.picaco.store.RunStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Advances one run by one unit of work: a shard of model calls, or a phase transition. Model calls happen outside
 * transactions; each unit's results and the run's new phase are written in one transaction, under a lock on the
 * run row, and only if the run is still where it was read (not cancelled, not advanced by someone else).
 */
@ApplicationScoped
public class PhaseRunner {
    static final int EXEMPLAR_CHARS = 600;

    @Inject
    StepInvoker steps;
    @Inject
    RunLedger ledger;
    @Inject
    PicacoConfig config;
    @Inject
    BudgetGuard budget;
    @Inject
    Leases leases;
    @Inject
    io.picaco.llm.CallPool shardPool;
    @Inject
    io.picaco.llm.ModelMetrics metrics;

    /** A consistent read of a run, taken in one transaction. */
    record Snapshot(String runId, RunStatus status, Phase phase, int iteration, RunSpec spec) {
    }

    /** @return true while the run has more work */
    public boolean advance(String runId) {
        Snapshot s = QuarkusTransaction.requiringNew().call(() -> start(runId));
        if (s == null || s.status().finished()) {
            return false;
        }
        switch (s.phase()) {
            case NOISY_SAMPLE -> {
                // Embedding the bare responses sampled so far needs the CPU while the next ones wait on the
                // network; those shards are recorded as NOISY_SCORE, where whatever is left is embedded.
                var embedding = shardPool.start(List.of(Phase.NOISY_SCORE), p -> {
                    scoreBatch(s, false, ResponseRow.TRAIN, p);
                    return p;
                });
                sample(s, this::expectedNoisy, Phase.NOISY_SCORE, 0, run -> {
                });
                embedding.join();
            }
            case NOISY_SCORE -> score(s, false, ResponseRow.TRAIN, run -> {
                buildNoisyPool(run, s.spec());
                run.phase = Phase.SAMPLE;
                run.iteration = 0;
            });
            case PROPOSE -> propose(s);
            case SAMPLE -> sample(s, this::expectedIteration, Phase.SCORE, s.iteration(), run -> {
            });
            case SCORE -> score(s, true, ResponseRow.TRAIN, run -> run.phase = Phase.SELECT);
            case SELECT -> select(s);
            case EVAL_SAMPLE -> sample(s, this::expectedEval, Phase.EVAL_SCORE, s.iteration(), run -> {
            });
            case EVAL_SCORE -> score(s, true, ResponseRow.TEST, run -> {
                run.phase = Phase.FINISHED;
                run.status = run.budgetStopped ? RunStatus.BUDGET_EXHAUSTED : RunStatus.DONE;
                run.finishedAt = Instant.now();
            });
            default -> {
                return false;
            }
        }
        return true;
    }

    private Snapshot start(String runId) {
        Run run = Run.findById(runId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (run == null) {
            return null;
        }
        if (!run.status.finished() && !leases.holds(run)) {
            return null; // taken over by another instance
        }
        if (run.status == RunStatus.QUEUED) {
            run.status = RunStatus.RUNNING;
            run.phase = Phase.NOISY_SAMPLE;
            run.startedAt = Instant.now();
        }
        return new Snapshot(run.id, run.status, run.phase, run.iteration, Json.read(run.specJson, RunSpec.class));
    }

    /** Marks a run failed with a reason, unless it already finished. */
    public void fail(String runId, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            Run run = Run.findById(runId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (run != null && !run.status.finished()) {
                run.status = RunStatus.FAILED;
                run.error = reason.length() > 1900 ? reason.substring(0, 1900) : reason;
                run.finishedAt = Instant.now();
            }
        });
    }

    // ---- sampling -------------------------------------------------------------------------------------------

    record SampleWork(long instructionId, String instruction, String split, int queryIndex, int sampleIndex) {
        String key() {
            return RunLedger.key(instructionId, split, queryIndex, sampleIndex);
        }
    }

    private List<SampleWork> expectedNoisy(Run run, RunSpec spec) {
        Instruction bare = Instruction.findById(run.bareId);
        List<SampleWork> work = new ArrayList<>();
        for (int q = 0; q < spec.training().size(); q++) {
            for (int k = 0; k < spec.noisyPoolSize(); k++) {
                work.add(new SampleWork(bare.id, null, ResponseRow.TRAIN, q, k));
            }
        }
        return work;
    }

    private List<SampleWork> expectedIteration(Run run, RunSpec spec) {
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

    private List<SampleWork> expectedEval(Run run, RunSpec spec) {
        List<SampleWork> work = new ArrayList<>();
        for (Long id : new java.util.LinkedHashSet<>(List.of(run.bareId, run.seedId, run.incumbentId))) {
            Instruction ins = Instruction.findById(id);
            String text = Instruction.BARE.equals(ins.origin) ? null : ins.text;
            for (int q = 0; q < spec.heldOut().size(); q++) {
                for (int k = 0; k < spec.evalSamples(); k++) {
                    work.add(new SampleWork(ins.id, text, ResponseRow.TEST, q, k));
                }
            }
        }
        return work;
    }

    interface Expected {
        List<SampleWork> of(Run run, RunSpec spec);
    }

    private void sample(Snapshot s, Expected expected, Phase next, int nextIteration, Consumer<Run> onDone) {
        List<SampleWork> pending = QuarkusTransaction.requiringNew().call(() -> {
            Run run = Run.findById(s.runId());
            Set<String> have = ledger.responseKeys(s.runId());
            return expected.of(run, s.spec()).stream().filter(w -> !have.contains(w.key())).toList();
        });
        if (pending.isEmpty()) {
            finishPhase(s, run -> {
                run.phase = next;
                run.iteration = nextIteration;
                onDone.accept(run);
            });
            return;
        }
        List<List<SampleWork>> shards = shards(pending, config.conductor().shardSize());
        if (!budgetAllows(s, Role.TARGET, shards.stream().mapToLong(List::size).sum())) {
            return;
        }
        List<ShardResult<SampleOutput>> results = fanOut(s.phase(), shards, SampleOutput::usage, shard -> steps.sample(new SampleInput(
                shard.stream().map(w -> new SampleInput.Item(w.key(), w.instruction(),
                        s.spec().query(w.split(), w.queryIndex()), w.sampleIndex())).toList(),
                s.spec().seed(), 1.0, s.spec().endpoint(Role.TARGET))));
        for (int i = 0; i < shards.size(); i++) {
            commitSample(s, shards.get(i), results.get(i));
        }
    }

    private void commitSample(Snapshot s, List<SampleWork> shard, ShardResult<SampleOutput> result) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (ledger.lockIfAt(s.runId(), s.phase(), s.iteration()) == null) {
                return;
            }
            Set<String> have = ledger.responseKeys(s.runId()); // a repeated shard result is stored once
            Instant now = Instant.now();
            int failed = 0;
            String firstError = result.error();
            for (int i = 0; i < shard.size(); i++) {
                SampleWork w = shard.get(i);
                if (have.contains(w.key())) {
                    continue;
                }
                SampleOutput.Response r = result.output() == null ? null : result.output().responses().get(i);
                String error = r == null ? result.error() : r.error();
                ResponseRow row = new ResponseRow();
                row.runId = s.runId();
                row.instructionId = w.instructionId();
                row.split = w.split();
                row.queryIndex = w.queryIndex();
                row.sampleIndex = w.sampleIndex();
                row.iteration = s.iteration();
                row.text = error == null ? r.text() : null;
                row.sampleError = error;
                row.scored = error != null; // nothing to score in a failed sample
                row.createdAt = now;
                row.persist();
                if (error != null) {
                    failed++;
                    firstError = firstError == null ? error : firstError;
                }
            }
            int failedItems = failed;
            String message = failed == 0 ? null : failed + " of " + shard.size() + " target calls failed; first: "
                    + firstError;
            ledger.recordStep(s.runId(), s.phase(), s.iteration(), Role.TARGET, shard.size(), failedItems,
                    result.usage(), message, result.started());
        });
    }

    /** Ends a phase whose work is all done: fails the run if too little succeeded, else moves it on. */
    private void finishPhase(Snapshot s, Consumer<Run> next) {
        QuarkusTransaction.requiringNew().run(() -> {
            Run run = ledger.lockIfAt(s.runId(), s.phase(), s.iteration());
            if (run != null) {
                failIfTooFewSucceeded(run, s);
                if (run.status == RunStatus.RUNNING) {
                    next.accept(run);
                }
            }
        });
    }

    /**
     * A phase goes on when at least {@code picaco.models.min-success} of its items succeeded (failed ones are left
     * out of every mean); below that the run fails with the reason rather than optimise on too little.
     */
    private void failIfTooFewSucceeded(Run run, Snapshot s) {
        List<io.picaco.store.StepExecution> execs = io.picaco.store.StepExecution.list(
                "runId = ?1 and phase = ?2 and iteration = ?3", run.id, s.phase().name(), s.iteration());
        long items = execs.stream().mapToLong(e -> e.items).sum();
        long failed = execs.stream().mapToLong(e -> e.failedItems).sum();
        if (items > 0 && items - failed < config.models().minSuccess() * items) {
            run.status = RunStatus.FAILED;
            run.error = failed + " of " + items + " items of " + s.phase() + " (iteration " + s.iteration()
                    + ") failed, more than picaco.models.min-success allows; last error: "
                    + execs.stream().map(e -> e.error).filter(java.util.Objects::nonNull).reduce((a, b) -> b)
                            .orElse("unknown");
            run.finishedAt = Instant.now();
        }
    }

    /**
     * Reserves budget for the next unit of work. When it does not fit, the run stops cleanly: to the held-out
     * evaluation of its best instruction if the budget still covers that, otherwise as BUDGET_EXHAUSTED at once.
     */
    private boolean budgetAllows(Snapshot s, Role role, long calls) {
        RunSpec.Budget b = s.spec().budget();
        if (b == null || !b.any() || calls == 0) {
            return true;
        }
        boolean evaluating = s.phase() == Phase.EVAL_SAMPLE || s.phase() == Phase.EVAL_SCORE;
        return QuarkusTransaction.requiringNew().call(() -> {
            Run run = ledger.lockIfAt(s.runId(), s.phase(), s.iteration());
            if (run == null) {
                return false;
            }
            BudgetGuard.Spend spent = budget.spent(run.id);
            BudgetGuard.Spend next = budget.expected(run.id, s.spec(), role, calls);
            BudgetGuard.Spend reserve = evaluating ? BudgetGuard.Spend.ZERO
                    : budget.evaluationReserve(run.id, s.spec(), run.incumbentId.equals(run.seedId));
            if (spent.plus(next).plus(reserve).within(b)) {
                return true;
            }
            run.budgetStopped = true;
            if (!evaluating && spent.plus(reserve).within(b)) {
                run.phase = Phase.EVAL_SAMPLE;
            } else {
                run.status = RunStatus.BUDGET_EXHAUSTED;
                run.finishedAt = Instant.now();
            }
            run.error = String.format(java.util.Locale.ROOT, "budget reached at %s (iteration %d): used %.0f calls, "
                    + "%.0f tokens, $%.4f", s.phase(), s.iteration(), spent.calls(), spent.tokens(), spent.cost());
            return false;
        });
    }

    // ---- scoring --------------------------------------------------------------------------------------------

    private void score(Snapshot s, boolean judge, String split, Consumer<Run> onDone) {
        RunSpec spec = s.spec();
        int perCall = judge && Judge.PER_VALUE.equals(spec.judgeMode()) ? spec.values().size() : 1;
        int limit = Math.max(1, config.conductor().shardSize() / perCall);
        List<ResponseRow> pending = QuarkusTransaction.requiringNew()
                .call(() -> ledger.unscored(s.runId(), split, limit * config.conductor().parallelShards()));
        if (pending.isEmpty()) {
            finishPhase(s, onDone);
            return;
        }
        scoreShards(s, judge, pending, limit, perCall, s.phase());
    }

    /** Scores what is unscored without ever moving the run to its next phase. */
    private void scoreBatch(Snapshot s, boolean judge, String split, Phase recordAs) {
        int limit = config.conductor().shardSize();
        List<ResponseRow> pending = QuarkusTransaction.requiringNew()
                .call(() -> ledger.unscored(s.runId(), split, limit * config.conductor().parallelShards()));
        if (!pending.isEmpty()) {
            scoreShards(s, judge, pending, limit, 1, recordAs);
        }
    }

    private void scoreShards(Snapshot s, boolean judge, List<ResponseRow> pending, int limit, int perCall,
            Phase recordAs) {
        RunSpec spec = s.spec();
        List<List<ResponseRow>> shards = shards(pending, limit);
        if (judge && !budgetAllows(s, Role.JUDGE, (long) pending.size() * perCall)) {
            return;
        }
        List<ValueInput> values = spec.values().stream().map(ValueInput::of).toList();
        List<ShardResult<ScoreOutput>> results = fanOut(recordAs, shards, ScoreOutput::usage, shard -> steps.score(new ScoreInput(values, null,
                shard.stream().map(r -> new ScoreInput.Item(r.id.toString(), spec.query(r.split, r.queryIndex), r.text))
                        .toList(),
                spec.judgeMode(), judge, spec.seed(),
                spec.endpoint(s.phase() == Phase.EVAL_SCORE ? Role.EVALUATOR : Role.JUDGE))));
        for (int i = 0; i < shards.size(); i++) {
            commitScore(s, judge, shards.get(i), results.get(i), recordAs);
        }
    }

    private void commitScore(Snapshot s, boolean judge, List<ResponseRow> shard, ShardResult<ScoreOutput> result,
            Phase recordAs) {
        ObjectiveSpec objective = s.spec().objective();
        QuarkusTransaction.requiringNew().run(() -> {
            if (ledger.lockIfAt(s.runId(), s.phase(), s.iteration()) == null) {
                return;
            }
            int failed = 0;
            String firstError = result.error();
            for (int i = 0; i < shard.size(); i++) {
                ResponseRow row = ResponseRow.findById(shard.get(i).id);
                if (row.scored) {
                    continue; // a repeated shard result is stored once
                }
                ScoreOutput.Item r = result.output() == null ? null : result.output().items().get(i);
                row.scored = true;
                if (r == null) {
                    row.judgeError = result.error();
                    failed++;
                    continue;
                }
                row.redundancy = r.redundancy();
                row.ratingsJson = Json.write(r.ratings());
                row.reasonsJson = Json.write(r.reasons());
                row.judgeError = r.error();
                ScoredResponse sr = new ScoredResponse(row.id.toString(), row.queryKey(), r.ratings(), r.redundancy());
                row.tau = judge && sr.isValidFor(objective.valueIds()) ? objective.tau(sr) : null;
                if (r.error() != null) {
                    failed++;
                    firstError = firstError == null ? r.error() : firstError;
                }
            }
            String message = failed == 0 ? null : failed + " of " + shard.size() + " judgments failed; first: "
                    + firstError;
            ledger.recordStep(s.runId(), recordAs, s.iteration(), judge ? Role.JUDGE : null, shard.size(), failed,
                    result.usage(), message, result.started());
        });
    }

    /** A step's answer for one shard, or why the step could not give one. */
    record ShardResult<T>(T output, String error, Instant started, io.picaco.llm.Usage usage) {
    }

    /** Invokes the step for up to {@code picaco.conductor.parallel-shards} shards at once. */
    private <I, T> List<ShardResult<T>> fanOut(Phase phase, List<List<I>> shards,
            java.util.function.Function<T, io.picaco.llm.Usage> usage, java.util.function.Function<List<I>, T> step) {
        return shardPool.map(shards, shard -> {
            Instant started = Instant.now();
            try {
                T out = step.apply(shard);
                metrics.step(phase.name(), "done", java.time.Duration.between(started, Instant.now()).toMillis());
                return new ShardResult<>(out, null, started, usage.apply(out));
            } catch (StepFailure e) {
                metrics.step(phase.name(), "failed", java.time.Duration.between(started, Instant.now()).toMillis());
                return new ShardResult<T>(null, e.getMessage(), started, io.picaco.llm.Usage.NONE);
            }
        });
    }

    private <T> List<List<T>> shards(List<T> pending, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < pending.size() && out.size() < config.conductor().parallelShards(); i += size) {
            out.add(pending.subList(i, Math.min(pending.size(), i + size)));
        }
        return out;
    }

    private void buildNoisyPool(Run run, RunSpec spec) {
        List<Pools.BareResponse> bare = ledger.responses(run.id, ResponseRow.TRAIN).stream()
                .filter(r -> r.instructionId.equals(run.bareId) && r.redundancy != null)
                .map(r -> new Pools.BareResponse(r.id.toString(), r.queryKey(), r.redundancy))
                .toList();
        Pools.noisy(bare, spec.noisyPoolSize()).values().forEach(list -> list.forEach(
                b -> ResponseRow.<ResponseRow>findById(Long.valueOf(b.id())).pool = ResponseRow.NOISY));
    }

    // ---- proposing ------------------------------------------------------------------------------------------

    private void propose(Snapshot s) {
        RunSpec spec = s.spec();
        if (!budgetAllows(s, Role.OPTIMIZER, 1)) {
            return;
        }
        ProposeInput input = QuarkusTransaction.requiringNew().call(() -> proposeInput(Run.findById(s.runId()), spec));
        Instant started = Instant.now();
        ProposeOutput out;
        try {
            out = steps.propose(input);
        } catch (StepFailure e) {
            out = new ProposeOutput(java.util.List.of(), io.picaco.llm.Usage.NONE, e.getMessage());
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
            run.phase = Phase.SAMPLE;
        });
    }

    private ProposeInput proposeInput(Run run, RunSpec spec) {
        List<Instruction> all = ledger.instructions(run.id);
        List<OptimizerPrompt.TrajectoryEntry> trajectory = all.stream()
                .filter(i -> i.jHat != null && !Instruction.BARE.equals(i.origin))
                .sorted(Comparator.comparingDouble((Instruction i) -> Scoring.comparable(i.jHat)).reversed()
                        .thenComparing(i -> i.id))
                .limit(8)
                .sorted(Comparator.comparingDouble((Instruction i) -> Scoring.comparable(i.jHat)).thenComparing(i -> i.id))
                .map(i -> new OptimizerPrompt.TrajectoryEntry(i.text, i.jHat, Json.doubles(i.perValueJson)))
                .toList();
        Instruction incumbent = Instruction.findById(run.incumbentId);
        Map<String, Double> means = incumbent.perValueJson == null ? Map.of() : Json.doubles(incumbent.perValueJson);
        // The weaker half of the values (at least two), weakest first; exemplars for the two weakest.
        List<String> weakest = spec.valueIds().stream()
                .sorted(Comparator.comparingDouble(v -> means.getOrDefault(v, 0.0)))
                .limit(Math.max(2, (spec.valueIds().size() + 1) / 2))
                .toList();
        List<ResponseRow> train = ledger.responses(run.id, ResponseRow.TRAIN);
        List<OptimizerPrompt.Exemplar> exemplars = new ArrayList<>();
        List<ResponseRow> aligned = train.stream().filter(r -> ResponseRow.ALIGNED.equals(r.pool)).toList();
        Map<Long, Map<String, Double>> ratings = new java.util.HashMap<>();
        aligned.forEach(r -> ratings.put(r.id, Json.doubles(r.ratingsJson)));
        for (String v : weakest.subList(0, 2)) {
            Comparator<ResponseRow> byValue = Comparator.comparingDouble(r -> ratings.get(r.id).get(v));
            aligned.stream().max(byValue.thenComparing(r -> r.id)).ifPresent(high -> aligned.stream()
                    .filter(r -> r.queryIndex == high.queryIndex)
                    .min(byValue.thenComparing(r -> r.id))
                    .ifPresent(low -> exemplars.add(new OptimizerPrompt.Exemplar(v,
                            spec.query(high.split, high.queryIndex), cut(high.text), cut(low.text),
                            ratings.get(high.id).get(v), ratings.get(low.id).get(v),
                            OptimizerPrompt.reason(Json.strings(high.reasonsJson), v),
                            OptimizerPrompt.reason(Json.strings(low.reasonsJson), v)))));
        }
        // parroting to avoid: responses more similar to the value text than any bare answer is
        double bare = train.stream().filter(r -> ResponseRow.NOISY.equals(r.pool) && r.redundancy != null)
                .mapToDouble(r -> r.redundancy).max().orElse(Double.MAX_VALUE);
        List<String> avoid = train.stream().filter(r -> r.redundancy != null && r.redundancy > bare)
                .sorted(Comparator.comparingDouble((ResponseRow r) -> Scoring.comparable(r.redundancy)).reversed()
                        .thenComparing(r -> r.id))
                .limit(2).map(r -> cut(r.text)).toList();
        return new ProposeInput(spec.values().stream().map(ValueInput::of).toList(), trajectory, weakest, exemplars,
                avoid, spec.candidates(), spec.maxLength(), all.stream().map(i -> i.text).toList(),
                (long) Seeds.derive(spec.seed(), "propose", run.iteration), spec.endpoint(Role.OPTIMIZER));
    }

    private static String cut(String text) {
        return text == null || text.length() <= EXEMPLAR_CHARS ? text : text.substring(0, EXEMPLAR_CHARS) + "…";
    }

    // ---- selecting ------------------------------------------------------------------------------------------

    /** How often a failing select step is tried (each try already retries transient errors) before the run fails. */
    static final int SELECT_ATTEMPTS = 3;

    /**
     * Reads the iteration's responses, calls the select step with no transaction open (a remote select may take
     * longer than any transaction may stay open, and must not hold the run row while it does), then commits the
     * outcome under the lock. A failed select is recorded in the step log and tried again on the next pass.
     */
    private void select(Snapshot s) {
        SelectInput input = QuarkusTransaction.requiringNew().call(() -> selectInput(Run.findById(s.runId()), s.spec()));
        Instant started = Instant.now();
        SelectOutput out;
        try {
            out = steps.select(input);
        } catch (StepFailure e) {
            recordFailedSelect(s, e.getMessage(), started);
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Run run = ledger.lockIfAt(s.runId(), s.phase(), s.iteration());
            if (run != null) {
                commitSelect(run, s.spec(), out, started);
            }
        });
    }

    private SelectInput selectInput(Run run, RunSpec spec) {
        List<ResponseRow> train = ledger.responses(run.id, ResponseRow.TRAIN);
        Map<String, Double> baselines = Baselines.of(train, run.bareId);
        List<SelectInput.Instruction> instructions = ledger.iterationSet(run).stream()
                .map(ins -> new SelectInput.Instruction(ins.id.toString(), train.stream()
                        .filter(r -> r.instructionId.equals(ins.id)).map(PhaseRunner::selectResponse).toList()))
                .toList();
        return new SelectInput(spec.beta(), spec.valueIds(), spec.weights(), baselines,
                run.iteration == 0 ? null : String.valueOf(run.incumbentId), instructions, null);
    }

    private void recordFailedSelect(Snapshot s, String error, Instant started) {
        QuarkusTransaction.requiringNew().run(() -> {
            Run run = ledger.lockIfAt(s.runId(), s.phase(), s.iteration());
            if (run == null) {
                return;
            }
            ledger.recordStep(run.id, Phase.SELECT, run.iteration, null, 1, 1, io.picaco.llm.Usage.NONE, error,
                    started);
            long failures = io.picaco.store.StepExecution.count("runId = ?1 and phase = ?2 and iteration = ?3 and "
                    + "status = 'FAILED'", run.id, Phase.SELECT.name(), run.iteration);
            if (failures >= SELECT_ATTEMPTS) {
                run.status = RunStatus.FAILED;
                run.error = "the select step failed " + failures + " times in iteration " + run.iteration
                        + "; last error: " + error;
                run.finishedAt = Instant.now();
            }
        });
    }

    private void commitSelect(Run run, RunSpec spec, SelectOutput out, Instant started) {
        ObjectiveSpec objective = spec.objective();
        List<ResponseRow> train = ledger.responses(run.id, ResponseRow.TRAIN);
        List<Instruction> set = ledger.iterationSet(run);
        for (SelectOutput.Ranked r : out.ranking()) {
            Instruction ins = Instruction.findById(Long.valueOf(r.id()));
            ins.jHat = r.jHat();
            ins.perValueJson = Json.write(r.perValue());
            ins.samples = r.samples();
        }
        run.incumbentId = Long.valueOf(out.selected());
        refreshAlignedPool(run, train, objective, spec.alignedPoolSize());
        ledger.recordStep(run.id, Phase.SELECT, run.iteration, null, 1, 0, io.picaco.llm.Usage.NONE, null, started);

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
                .map(r -> r.jHat == null ? Double.NEGATIVE_INFINITY : r.jHat).toList();
        boolean stop = run.iteration >= spec.iterations()
                || new EarlyStopping(spec.delta(), spec.patience()).shouldStop(best);
        if (stop) {
            run.phase = Phase.EVAL_SAMPLE;
        } else {
            run.phase = Phase.PROPOSE;
            run.iteration = run.iteration + 1;
        }
    }

    static SelectInput.Response selectResponse(ResponseRow r) {
        return new SelectInput.Response(r.id.toString(), r.queryKey(), Json.doubles(r.ratingsJson), r.redundancy);
    }

    private void refreshAlignedPool(Run run, List<ResponseRow> train, ObjectiveSpec objective, int size) {
        List<ScoredResponse> scored = train.stream()
                .filter(r -> !r.instructionId.equals(run.bareId) && r.scored)
                .map(r -> new ScoredResponse(r.id.toString(), r.queryKey(), Json.doubles(r.ratingsJson), r.redundancy))
                .toList();
        Set<String> keep = new java.util.HashSet<>();
        Pools.aligned(scored, objective, size).values().forEach(keep::addAll);
        for (ResponseRow r : train) {
            boolean inPool = keep.contains(r.id.toString());
            if (inPool) {
                r.pool = ResponseRow.ALIGNED;
            } else if (ResponseRow.ALIGNED.equals(r.pool)) {
                r.pool = null;
            }
        }
    }
}
