package io.picaco.conductor;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.PicacoConfig;
import io.picaco.llm.Role;
import io.picaco.steps.SampleInput;
import io.picaco.steps.SampleOutput;
import io.picaco.store.ResponseRow;
import io.picaco.store.Run;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The sampling work of a phase: asks the target for the responses a phase expects and does not have yet, a batch of
 * shards at a time, and stores each shard's responses (or failures) in its own transaction.
 */
@ApplicationScoped
class Sampler {
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

    /** Samples the next batch; when nothing is left, completes the phase. */
    void sample(Snapshot s, SampleWork.Expected expected) {
        List<SampleWork> pending = QuarkusTransaction.requiringNew().call(() -> {
            Run run = Run.findById(s.runId());
            Set<String> have = ledger.responseKeys(s.runId());
            return expected.of(run, s.spec()).stream().filter(w -> !have.contains(w.key())).toList();
        });
        if (pending.isEmpty()) {
            completion.complete(s);
            return;
        }
        List<List<SampleWork>> shards = fanOut.shards(pending, config.conductor().shardSize());
        if (!budget.allows(s, Role.TARGET, shards.stream().mapToLong(List::size).sum())) {
            return;
        }
        fanOut.run(s.phase(), Role.TARGET, shards, SampleOutput::usage,
                shard -> steps.sample(new SampleInput(shard.stream().map(w -> new SampleInput.Item(w.key(),
                        w.instruction(), s.spec().query(w.split(), w.queryIndex()), w.sampleIndex(), w.demonstrations()))
                        .toList(),
                        s.spec().seed(), 1.0, s.spec().endpoint(Role.TARGET))),
                (shard, result) -> commit(s, shard, result));
    }

    private void commit(Snapshot s, List<SampleWork> shard, ShardFanOut.ShardResult<SampleOutput> result) {
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
            String message = failed == 0 ? null
                    : failed + " of " + shard.size() + " target calls failed; first: " + firstError;
            ledger.recordStep(s.runId(), s.phase(), s.iteration(), Role.TARGET, shard.size(), failed,
                    result.usage(), message, result.started());
        });
    }
}
