package io.picaco.api;

import java.time.Instant;

import io.picaco.store.RunStatus;

/** One row of {@code GET /api/runs}; {@code experimentId} is omitted for a run started on its own. */
public record RunSummary(String id, String name, String composition, RunStatus status, String phase, int iteration,
        int iterations, Double bestJHat, long calls, long tokens, boolean simulated, Instant createdAt,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        String experimentId) {
}
