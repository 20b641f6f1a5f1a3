package io.picaco.conductor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.PicacoConfig;
import io.picaco.llm.CallPool;
import io.picaco.llm.ModelMetrics;
import io.picaco.llm.Usage;

/** Cuts a phase's pending work into shards and invokes a step for up to {@code parallel-shards} of them at once. */
@ApplicationScoped
class ShardFanOut {
    @Inject
    PicacoConfig config;
    @Inject
    CallPool pool;
    @Inject
    ModelMetrics metrics;

    /** A step's answer for one shard, or why the step could not give one. */
    record ShardResult<T>(T output, String error, Instant started, Usage usage) {
    }

    /** The first {@code parallel-shards} shards of at most {@code size} items each. */
    <T> List<List<T>> shards(List<T> pending, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < pending.size() && out.size() < config.conductor().parallelShards(); i += size) {
            out.add(pending.subList(i, Math.min(pending.size(), i + size)));
        }
        return out;
    }

    /** Invokes the step for every shard; a failed step becomes a result carrying its error. */
    <I, T> List<ShardResult<T>> invoke(Phase phase, List<List<I>> shards, Function<T, Usage> usage,
            Function<List<I>, T> step) {
        return pool.map(shards, shard -> {
            Instant started = Instant.now();
            try {
                T out = step.apply(shard);
                metrics.step(phase.name(), "done", Duration.between(started, Instant.now()).toMillis());
                return new ShardResult<>(out, null, started, usage.apply(out));
            } catch (StepFailure e) {
                metrics.step(phase.name(), "failed", Duration.between(started, Instant.now()).toMillis());
                return new ShardResult<T>(null, e.getMessage(), started, Usage.NONE);
            }
        });
    }
}
