package io.picaco.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.picaco.PicacoConfig;

/**
 * Runs the model calls of a step in parallel; the gateway's per-role permits bound what is in flight. At most
 * {@code picaco.models.pool-threads} threads, idle ones end after a minute; when all are busy the caller runs the
 * task itself. No queue: shards use this pool and their steps use it again, so a queued inner task could wait for a
 * thread its own outer task holds.
 */
@ApplicationScoped
public class CallPool {
    private final AtomicInteger n = new AtomicInteger();
    private final ThreadPoolExecutor executor;

    CallPool(PicacoConfig config) {
        executor = new ThreadPoolExecutor(0, Math.max(1, config.models().poolThreads()), 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "picaco-call-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** Applies {@code fn} to every item in parallel and returns the results in input order. */
    public <T, R> List<R> map(List<T> items, Function<T, R> fn) {
        return start(items, fn).join();
    }

    /** Like {@link #map} but returns at once (unless every thread is busy); the caller joins when it needs the results. */
    public <T, R> CompletableFuture<List<R>> start(List<T> items, Function<T, R> fn) {
        List<CompletableFuture<R>> futures = new ArrayList<>(items.size());
        CallAccount account = CallAccount.current(); // the calls made for an item are paid by the caller's run
        for (T item : items) {
            futures.add(CompletableFuture.supplyAsync(() -> CallAccount.with(account, () -> fn.apply(item)),
                    executor));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(v -> futures.stream().map(CompletableFuture::join).toList());
    }

    /** Threads alive now (for tests and diagnostics). */
    int threads() {
        return executor.getPoolSize();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
