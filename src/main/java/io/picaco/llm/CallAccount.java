package io.picaco.llm;

import java.util.function.Supplier;

/**
 * The run (and phase) that the model calls made on this thread are paid by. Steps are pure and their JSON contract
 * names no run, so the in-process conductor tags its calls this way; {@link CallPool} carries the tag to the threads
 * a step fans out to. Calls with no account (a step function called from outside, a remote step) write nothing to
 * the {@link RequestLedger}: their run's spend is what the steps report. {@code role}, when set, is the role the
 * calls are charged to, as the conductor knows it (a step rates with the judge's code whether the judge or the
 * evaluator is called).
 */
public record CallAccount(String runId, String phase, String role) {
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

    public CallAccount(String runId, String phase) {
        this(runId, phase, null);
    }

    /** The same run, with the calls charged to {@code otherPhase} and to {@code chargedRole} (null: the caller's). */
    public CallAccount in(String otherPhase, String chargedRole) {
        return new CallAccount(runId, otherPhase, chargedRole);
    }
}
