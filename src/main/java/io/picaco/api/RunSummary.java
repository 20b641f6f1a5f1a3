package io.picaco.api;

import java.time.Instant;

/** One row of {@code GET /api/runs}. */
public record RunSummary(String id, String name, String composition, String status, String phase, int iteration,
        int iterations, Double bestJHat, long calls, long tokens, boolean simulated, Instant createdAt) {
}
