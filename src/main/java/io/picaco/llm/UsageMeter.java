package io.picaco.llm;

import java.util.concurrent.atomic.AtomicReference;

/** Thread-safe accumulator for the calls of one step, which run in parallel. */
public final class UsageMeter {
    private final AtomicReference<Usage> total = new AtomicReference<>(Usage.NONE);

    public void add(Usage u) {
        total.accumulateAndGet(u, Usage::plus);
    }

    public Usage total() {
        return total.get();
    }
}
