package io.picaco.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The one backoff of model calls and remote steps: exponential with jitter, Retry-After as a floor, a ceiling. */
class RetriesTest {

    static final class AskedFailure extends RuntimeException implements Retries.RetryAfter {
        @Override
        public Optional<Long> retryAfterMillis() {
            return Optional.of(1234L);
        }
    }

    @Test
    void exponentialWithJitterWithinTheCeiling() {
        for (int i = 0; i < 200; i++) {
            long first = Retries.delay(200, 60_000, 1, Optional.empty());
            long third = Retries.delay(200, 60_000, 3, Optional.empty());
            assertTrue(first >= 100 && first <= 200, "first " + first);
            assertTrue(third >= 400 && third <= 800, "third " + third);
            assertEquals(1_000, Retries.delay(200, 1_000, 30, Optional.empty()), "capped");
        }
    }

    @Test
    void retryAfterIsAFloorButNotAboveTheCeiling() {
        assertEquals(2_000, Retries.delay(50, 60_000, 1, Optional.of(2_000L)));
        assertEquals(5_000, Retries.delay(50, 5_000, 1, Optional.of(90_000L)));
    }

    @Test
    void theRequestedDelayIsFoundInTheCauses() {
        assertEquals(Optional.of(1234L), Retries.requested(new IllegalStateException("wrapped", new AskedFailure())));
        assertEquals(Optional.of(3000L), Retries.requested(new RuntimeException("429 " + RetryAfterFilter.MARKER
                + "3000]")));
        assertEquals(Optional.empty(), Retries.requested(new RuntimeException("503")));
    }
}
