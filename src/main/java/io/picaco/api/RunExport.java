package io.picaco.api;

import java.util.List;
import java.util.Map;

import io.picaco.conductor.RunSpec;

/** Everything about a run: its view, the full spec with queries, all instructions, both pools and the step log. */
public record RunExport(RunView run, RunSpec spec, List<InstructionRow> instructions, List<PoolEntry> alignedPool,
        List<PoolEntry> noisyPool, List<StepRow> steps) {

    public record InstructionRow(long id, int iteration, String origin, String text, Double jHat,
            Map<String, Double> perValue, int samples) {
    }

    public record PoolEntry(long id, long instructionId, String query, int queryIndex, int sampleIndex, String response,
            Map<String, Double> ratings, Map<String, String> reasons, Double redundancy, Double tau) {
    }

    public record StepRow(String phase, int iteration, int shard, String role, String status, int items,
            int failedItems, long calls, long failures, long retries, long cacheHits, long inputTokens,
            long outputTokens, double cost, String error, String instance) {
    }
}
