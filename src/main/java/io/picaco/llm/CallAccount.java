package io.picaco.llm;

import java.util.function.Supplier;

/**
 * The run (and phase) that the model calls made on this thread are paid by. Steps are pure and their JSON contract
 * names no run, so the in-process conductor tags its calls this way; {@link CallPool} carries the tag to the threads
 * a step fans out to. Calls with no account (a step function called from outside, a remote step) write nothing to
 * the {@link RequestLedger}: their run's spend is what the steps report.
 */
public record CallAccount(String runId, String phase) {
    private static final ThreadLocal<CallAccount> CURRENT = new ThreadLocal<>();

    public static CallAccount current() {
        return CURRENT.get();
    }

    public static <T> T with(CallAccount account, Supplier<T> work) {
        CallAccount before = CURRENT.get();
        CURRENT.set(account);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    public static void run(CallAccount account, Runnable work) {
        with(account, () -> {
            work.run();
            return null;
        });
    }

    /** The same run, with the calls charged to {@code otherPhase}. */
    public CallAccount in(String otherPhase) {
        return new CallAccount(runId, otherPhase);
    }
}
