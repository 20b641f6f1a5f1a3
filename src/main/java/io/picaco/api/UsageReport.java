package io.picaco.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.picaco.store.Json;
import io.picaco.store.RunSpend;
import io.picaco.store.StepExecution;

/**
 * Usage of a set of step executions and the spend behind them ({@link RunSpend}): model calls (cache hits are not
 * calls), failures after retries, retries, cache hits, tokens, cost in US dollars, latency percentiles of the calls
 * in milliseconds, and how many of the calls a crash cut off before their answer was recorded, whose tokens and cost
 * are estimated.
 */
public record UsageReport(long calls, long failures, long retries, long cacheHits, long inputTokens,
        long outputTokens, double cost, Latency latencyMs, long estimatedCalls) {

    public record Latency(long p50, long p90, long p99, long max) {
    }

    public long tokens() {
        return inputTokens + outputTokens;
    }

    /** Spend from {@code spend}; cache hits and latencies from {@code steps}. */
    public static UsageReport of(Collection<StepExecution> steps, Collection<RunSpend.Part> spend) {
        long calls = 0, failures = 0, retries = 0, hits = 0, in = 0, out = 0, estimated = 0;
        double cost = 0;
        for (RunSpend.Part p : spend) {
            calls += p.calls();
            failures += p.failures();
            retries += p.retries();
            in += p.inputTokens();
            out += p.outputTokens();
            cost += p.cost();
            estimated += p.estimatedCalls();
        }
        List<Long> lat = new ArrayList<>();
        for (StepExecution s : steps) {
            hits += s.cacheHits;
            if (s.latenciesJson != null) {
                lat.addAll(Arrays.asList(Json.read(s.latenciesJson, Long[].class)));
            }
        }
        return new UsageReport(calls, failures, retries, hits, in, out, cost, latency(lat), estimated);
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
