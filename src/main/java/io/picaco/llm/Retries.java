package io.picaco.llm;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.PicacoConfig;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.Guard;

/**
 * The one retry policy of the app, for model calls ({@link ModelGateway}) and remote step calls: a SmallRye Fault
 * Tolerance {@link Guard} whose custom backoff is exponential from {@code picaco.models.backoff} with jitter, at
 * least what the server asked for in {@code Retry-After} and at most {@code picaco.models.max-backoff}.
 */
@ApplicationScoped
public class Retries {
    /** A failure that carries the delay the server asked for (e.g. a remote step's 503 with Retry-After). */
    public interface RetryAfter {
        Optional<Long> retryAfterMillis();
    }

    @Inject
    PicacoConfig config;

    /**
     * A guard that makes at most {@code attempts} attempts and retries only the failures {@code transientFailure}
     * accepts; the others, and an interrupt, end the call at once. Build it once and reuse it: the backoff state
     * lives in each call.
     */
    public Guard guard(String description, int attempts, Predicate<Throwable> transientFailure) {
        long cap = config.models().maxBackoff().toMillis();
        return Guard.create().withDescription(description)
                .withRetry()
                .maxRetries(Math.max(0, attempts - 1))
                .delay(Math.max(1, config.models().backoff().toMillis()), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS) // ours is in the backoff below
                .maxDuration(0, ChronoUnit.MILLIS) // no limit: the attempts and each call's timeout bound it
                .whenException(transientFailure)
                .withCustomBackoff().strategy(() -> new Backoff(cap)).done()
                .done()
                .build();
    }

    /**
     * Runs {@code call} under {@code guard}: its result, or the last failure as it was thrown (unchecked ones
     * unchanged, an interrupt as {@link Interrupted} with the thread's flag set again).
     */
    public static <T> T call(Guard guard, Callable<T> call, Class<T> type) {
        try {
            return guard.call(call, type);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The delay before retry number {@code retry} (1 for the first). */
    static long delay(long baseMillis, long capMillis, int retry, Optional<Long> retryAfterMillis) {
        long base = baseMillis << Math.min(retry - 1, 16);
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Math.min(Math.max(jittered, retryAfterMillis.orElse(0L)), capMillis);
    }

    /** What the failure, or one of its causes, asked for: a {@link RetryAfter} or a 429/5xx marked by the filter. */
    static Optional<Long> requested(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof RetryAfter r && r.retryAfterMillis().isPresent()) {
                return r.retryAfterMillis();
            }
        }
        return RetryAfterFilter.requested(t);
    }

    /** One per guarded call (SmallRye creates it per invocation): counts the retries of that call. */
    static final class Backoff implements CustomBackoffStrategy {
        private final long cap;
        private long base;
        private int retry;

        Backoff(long capMillis) {
            this.cap = capMillis;
        }

        @Override
        public void init(long initialDelayInMillis) {
            base = initialDelayInMillis;
        }

        @Override
        public synchronized long nextDelayInMillis(Throwable cause) {
            return delay(base, cap, ++retry, requested(cause));
        }
    }

    /** Thrown when the app shuts down while a call waits; never recorded as a model or step failure. */
    public static final class Interrupted extends RuntimeException {
        public Interrupted() {
            super("interrupted");
        }
    }
}
