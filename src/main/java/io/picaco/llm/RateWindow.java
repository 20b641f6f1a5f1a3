package io.picaco.llm;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Requests-per-minute and tokens-per-minute limits of one endpoint, over a sliding minute. A call waits until
 * both the request and its estimated tokens fit; actual tokens replace the estimate when the call returns.
 */
final class RateWindow {
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final Integer rpm;
    private final Integer tpm;
    private final Deque<long[]> events = new ArrayDeque<>(); // {time, tokens}

    RateWindow(Integer rpm, Integer tpm) {
        this.rpm = rpm;
        this.tpm = tpm;
    }

    boolean limited() {
        return rpm != null || tpm != null;
    }

    /** Blocks until a call estimated at {@code tokens} fits; returns the slot to settle with actual tokens. */
    long[] acquire(long tokens) throws InterruptedException {
        if (!limited()) {
            return new long[] { System.nanoTime(), tokens };
        }
        synchronized (this) {
            while (true) {
                long now = System.nanoTime();
                while (!events.isEmpty() && now - events.peekFirst()[0] >= MINUTE_NANOS) {
                    events.pollFirst();
                }
                long used = events.stream().mapToLong(e -> e[1]).sum();
                boolean fitsRequests = rpm == null || events.size() < rpm;
                boolean fitsTokens = tpm == null || used + tokens <= tpm || events.isEmpty();
                if (fitsRequests && fitsTokens) {
                    long[] slot = { now, tokens };
                    events.addLast(slot);
                    return slot;
                }
                long waitNanos = events.isEmpty() ? 50_000_000L : MINUTE_NANOS - (now - events.peekFirst()[0]);
                wait(Math.max(1, waitNanos / 1_000_000));
            }
        }
    }

    synchronized void settle(long[] slot, long actualTokens) {
        slot[1] = actualTokens;
        notifyAll();
    }
}
