package io.picaco.api;

import java.time.Instant;

import io.picaco.store.RunStatus;

/** One row of {@code GET /api/runs}. */
public record RunSummary(String id, String name, String composition, RunStatus status, String phase, int iteration,
        int iterations, Double bestJHat, long calls, long tokens, boolean simulated, Instant createdAt) {
}
