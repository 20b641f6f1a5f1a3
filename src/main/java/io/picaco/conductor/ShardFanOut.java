package io.picaco.conductor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.IntStream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.PicacoConfig;
import io.picaco.llm.CallAccount;
import io.picaco.llm.CallPool;
import io.picaco.llm.ModelMetrics;
import io.picaco.llm.Retries;
import io.picaco.llm.Role;
import io.picaco.llm.Usage;
import io.smallrye.faulttolerance.api.Guard;

/**
 * Cuts a phase's pending work into shards and invokes a step for up to {@code parallel-shards} of them at once. Each
 * shard is committed as soon as it and every shard before it are in, so a crash loses only the shards still in
 * flight, and the store ids of sampled responses (which break ties in pools and selection) never depend on timing.
 * A shard whose step failed for a reason that may pass is tried again ({@code shard-attempts} in all, the app's
 * backoff between) before its items count as failed.
 */
@ApplicationScoped
class ShardFanOut {
    @Inject
    PicacoConfig config;
    @Inject
    CallPool pool;
    @Inject
    ModelMetrics metrics;
    @Inject
    Retries retries;

    private Guard shardGuard;

    @PostConstruct
    void guard() {
        shardGuard = retries.guard("shard", config.conductor().shardAttempts(),
                t -> t instanceof StepFailure f && f.mayPass());
    }

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

    /**
     * Invokes the step for every shard in parallel and hands each shard's result to {@code commit} (its own
     * transaction, after the step: never around a model call) in shard order, as soon as the shards before it are
     * committed. The model calls are charged to {@code phase} and {@code role} (null: the role the step calls) in the
     * run's request ledger.
     */
    <I, T> void run(Phase phase, Role role, List<List<I>> shards, Function<T, Usage> usage, Function<List<I>, T> step,
            BiConsumer<List<I>, ShardResult<T>> commit) {
        CallAccount account = CallAccount.current();
        CallAccount charged = account == null ? null
                : account.in(phase.name(), role == null ? null : role.configName());
        List<ShardResult<T>> done = new ArrayList<>(Collections.nCopies(shards.size(), null));
        int[] next = { 0 };
        try {
            pool.map(IntStream.range(0, shards.size()).boxed().toList(), i -> {
                ShardResult<T> result = CallAccount.with(charged, () -> invoke(phase, shards.get(i), usage, step));
                synchronized (done) {
                    done.set(i, result);
                    while (next[0] < shards.size() && done.get(next[0]) != null) {
                        commit.accept(shards.get(next[0]), done.get(next[0]));
                        next[0]++;
                    }
                }
                return result;
            });
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private <I, T> ShardResult<T> invoke(Phase phase, List<I> shard, Function<T, Usage> usage,
            Function<List<I>, T> step) {
        Instant started = Instant.now();
        int[] tries = { 0 };
        try {
            T out = cast(Retries.call(shardGuard, () -> {
                tries[0]++;
                return step.apply(shard);
            }, Object.class));
            metrics.step(phase.name(), "done", Duration.between(started, Instant.now()).toMillis());
            return new ShardResult<>(out, null, started, usage.apply(out));
        } catch (StepFailure e) {
            metrics.step(phase.name(), "failed", Duration.between(started, Instant.now()).toMillis());
            String tried = tries[0] > 1 ? " (shard tried " + tries[0] + " times)" : "";
            return new ShardResult<>(null, e.getMessage() + tried, started, Usage.NONE);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}
