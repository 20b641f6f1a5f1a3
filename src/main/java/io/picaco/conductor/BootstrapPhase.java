package io.picaco.conductor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.core.Pools;
import io.picaco.llm.CallPool;
import io.picaco.store.Instruction;
import io.picaco.store.ResponseRow;
import io.picaco.store.Run;

/**
 * Bootstrap: samples bare responses to every training query and keeps, per query, those most similar to the value
 * text as the noisy pool (ALGORITHM.md, "Pools"). Only embeddings are needed, no ratings.
 */
@ApplicationScoped
class BootstrapPhase implements PhaseStep {
    @Inject
    Sampler sampler;
    @Inject
    Scorer scorer;
    @Inject
    RunLedger ledger;
    @Inject
    CallPool pool;

    @Override
    public Set<Phase> phases() {
        return Set.of(Phase.NOISY_SAMPLE, Phase.NOISY_SCORE);
    }

    @Override
    public void run(Snapshot s) {
        if (s.phase() == Phase.NOISY_SAMPLE) {
            // Embedding the bare responses sampled so far needs the CPU while the next ones wait on the network;
            // those shards are recorded as NOISY_SCORE, where whatever is left is embedded.
            var embedding = pool.start(List.of(Phase.NOISY_SCORE), p -> {
                scorer.scoreBatch(s, false, ResponseRow.TRAIN, p);
                return p;
            });
            sampler.sample(s, BootstrapPhase::expected);
            embedding.join();
        } else {
            scorer.score(s, false, ResponseRow.TRAIN, run -> buildNoisyPool(run, s.spec()));
        }
    }

    private static List<SampleWork> expected(Run run, RunSpec spec) {
        Instruction bare = Instruction.findById(run.bareId);
        List<SampleWork> work = new ArrayList<>();
        for (int q = 0; q < spec.training().size(); q++) {
            for (int k = 0; k < spec.noisyPoolSize(); k++) {
                work.add(new SampleWork(bare.id, null, ResponseRow.TRAIN, q, k));
            }
        }
        return work;
    }

    private void buildNoisyPool(Run run, RunSpec spec) {
        List<Pools.BareResponse> bare = ledger.responses(run.id, ResponseRow.TRAIN).stream()
                .filter(r -> r.instructionId.equals(run.bareId) && r.redundancy != null)
                .map(r -> new Pools.BareResponse(r.id.toString(), r.queryKey(), r.redundancy))
                .toList();
        Pools.noisy(bare, spec.noisyPoolSize()).values().forEach(list -> list.forEach(
                b -> ResponseRow.<ResponseRow>findById(Long.valueOf(b.id())).pool = ResponseRow.NOISY));
    }
}
