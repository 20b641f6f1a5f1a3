package io.picaco.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.picaco.store.Json;
import io.picaco.store.StepExecution;

/**
 * Usage of a set of step executions: model calls (cache hits are not calls), failures after retries, retries,
 * cache hits, tokens, cost in US dollars, and latency percentiles of the calls in milliseconds.
 */
public record UsageReport(long calls, long failures, long retries, long cacheHits, long inputTokens,
        long outputTokens, double cost, Latency latencyMs) {

    public record Latency(long p50, long p90, long p99, long max) {
    }

    public long tokens() {
        return inputTokens + outputTokens;
    }

    public static UsageReport of(Collection<StepExecution> steps) {
        long calls = 0, failures = 0, retries = 0, hits = 0, in = 0, out = 0;
        double cost = 0;
        List<Long> lat = new ArrayList<>();
        for (StepExecution s : steps) {
            calls += s.calls;
            failures += s.failures;
            retries += s.retries;
            hits += s.cacheHits;
            in += s.inputTokens;
            out += s.outputTokens;
            cost += s.cost;
            if (s.latenciesJson != null) {
                lat.addAll(Arrays.asList(Json.read(s.latenciesJson, Long[].class)));
            }
        }
        return new UsageReport(calls, failures, retries, hits, in, out, cost, latency(lat));
    }

    static Latency latency(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Latency(percentile(v, 50), percentile(v, 90), percentile(v, 99), v[v.length - 1]);
    }

    /** Nearest-rank percentile. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
