package io.picaco.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs the model calls of a step in parallel; the gateway's per-role permits bound what is in flight. */
@ApplicationScoped
public class CallPool {
    private final AtomicInteger n = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "picaco-call-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** Applies {@code fn} to every item in parallel and returns the results in input order. */
    public <T, R> List<R> map(List<T> items, Function<T, R> fn) {
        return start(items, fn).join();
    }

    /** Like {@link #map} but returns at once; the caller joins when it needs the results. */
    public <T, R> CompletableFuture<List<R>> start(List<T> items, Function<T, R> fn) {
        List<CompletableFuture<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(CompletableFuture.supplyAsync(() -> fn.apply(item), executor));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(v -> futures.stream().map(CompletableFuture::join).toList());
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
