package io.picaco.conductor;

import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.PicacoConfig;
import io.picaco.core.ObjectiveSpec;
import io.picaco.core.ScoredResponse;
import io.picaco.llm.Judge;
import io.picaco.llm.Role;
import io.picaco.steps.ScoreInput;
import io.picaco.steps.ScoreOutput;
import io.picaco.steps.ValueInput;
import io.picaco.store.Json;
import io.picaco.store.ResponseRow;
import io.picaco.store.Run;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The scoring work of a phase: rates (with the judge, or the evaluator for held-out responses) and embeds the stored
 * responses that are not scored yet, a batch of shards at a time, each shard's results in its own transaction.
 */
@ApplicationScoped
class Scorer {
    @Inject
    StepInvoker steps;
    @Inject
    RunLedger ledger;
    @Inject
    PicacoConfig config;
    @Inject
    BudgetGate budget;
    @Inject
    ShardFanOut fanOut;
    @Inject
    PhaseCompletion completion;

    /**
     * Scores the next batch of a split; when nothing is left, completes the phase.
     *
     * @param judge false: only embed (the bare responses of the noisy pool need no ratings)
     * @param beforeMoving written with the phase's completion
     */
    void score(Snapshot s, boolean judge, String split, Consumer<Run> beforeMoving) {
        int perCall = judge && Judge.PER_VALUE.equals(s.spec().judgeMode()) ? s.spec().values().size() : 1;
        int limit = Math.max(1, config.conductor().shardSize() / perCall);
        List<ResponseRow> pending = QuarkusTransaction.requiringNew()
                .call(() -> ledger.unscored(s.runId(), split, limit * config.conductor().parallelShards()));
        if (pending.isEmpty()) {
            completion.complete(s, beforeMoving, false);
            return;
        }
        scoreShards(s, judge, pending, limit, perCall, s.phase());
    }

    /** Scores what is unscored without ever completing the phase; its steps are recorded as {@code recordAs}. */
    void scoreBatch(Snapshot s, boolean judge, String split, Phase recordAs) {
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
        List<List<ResponseRow>> shards = fanOut.shards(pending, limit);
        // Held-out responses are rated by the evaluator, which optimization never calls (ALGORITHM.md, Roles).
        Role rater = s.phase().evaluating() ? Role.EVALUATOR : Role.JUDGE;
        if (judge && !budget.allows(s, rater, (long) pending.size() * perCall)) {
            return;
        }
        List<ValueInput> values = spec.values().stream().map(ValueInput::of).toList();
        fanOut.run(recordAs, judge ? rater : null, shards, ScoreOutput::usage,
                shard -> steps.score(new ScoreInput(values, s.method().observations(spec), shard.stream()
                        .map(r -> new ScoreInput.Item(r.id.toString(), spec.query(r.split, r.queryIndex), r.text))
                        .toList(), spec.judgeMode(), judge, spec.seed(), spec.endpoint(rater))),
                (shard, result) -> commit(s, judge ? rater : null, shard, result, recordAs));
    }

    /** @param rater the role that rated the shard; null when it was only embedded */
    private void commit(Snapshot s, Role rater, List<ResponseRow> shard, ShardFanOut.ShardResult<ScoreOutput> result,
            Phase recordAs) {
        boolean judge = rater != null;
        ObjectiveSpec objective = s.method().objective(s.spec());
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
            String message = failed == 0 ? null
                    : failed + " of " + shard.size() + " judgments failed; first: " + firstError;
            ledger.recordStep(s.runId(), recordAs, s.iteration(), rater, shard.size(), failed,
                    result.usage(), message, result.started());
        });
    }
}
