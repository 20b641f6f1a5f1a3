package io.picaco.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.picaco.core.EvaluationSummary;
import io.picaco.core.Value;
import io.picaco.llm.JudgeMode;
import io.picaco.store.RunStatus;

/** {@code GET /api/runs/{id}}: the run as ARCHITECTURE.md specifies it, plus what the page needs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunView(String id, String name, String composition, RunStatus status, String phase, int iteration,
        int iterations, boolean simulated, String models, String evaluator, Scored best, Scored seed,
        List<Step> trajectory,
        Map<String, EvaluationSummary> evaluation, UsageView usage, Budget budget, String error, String conductor,
        Instant createdAt,
        Instant startedAt, Instant finishedAt, Parameters parameters, List<Value> values) {

    /** An instruction with its Ĵ and per-value mean ratings on the training queries. */
    public record Scored(Long id, String text, Double jHat, Map<String, Double> perValue, Integer samples) {
    }

    public record Step(int iteration, Double jHat, Map<String, Double> perValue, Long instructionId) {
    }

    public record Parameters(String preset, int trainingQueries, int heldOutQueries, int iterations, int candidates,
            int samples, int evalSamples, int alignedPoolSize, int noisyPoolSize, double beta, long seed,
            JudgeMode judgeMode, int maxLength, String method) {
    }

    /** The run's usage in total, by role and by phase. */
    public record UsageView(long calls, long failures, long retries, long cacheHits, long inputTokens,
            long outputTokens, double cost, UsageReport.Latency latencyMs, Map<String, UsageReport> byRole,
            Map<String, UsageReport> byPhase, long estimatedCalls) {
    }

    /** The run's limits, and whether it stopped on one. */
    public record Budget(Long maxCalls, Long maxTokens, Double maxCost, boolean stopped) {
    }
}
