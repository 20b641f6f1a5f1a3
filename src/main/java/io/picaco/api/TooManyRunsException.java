package io.picaco.api;

/** More runs queued or running than {@code picaco.limits.max-active-runs}: answered 429 with {@code Retry-After}. */
public class TooManyRunsException extends RuntimeException {
    /** Seconds a client should wait: about as long as a quick run takes on the simulator. */
    public static final int RETRY_AFTER_SECONDS = 30;

    public TooManyRunsException(long active, int limit) {
        super(active + " runs are queued or running, the most this server takes (picaco.limits.max-active-runs = "
                + limit + "); try again when one has finished");
    }
}
