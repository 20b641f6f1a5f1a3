package io.picaco.llm;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Model usage of a call, a step or a run: calls made (cache hits are not calls), calls that failed after their
 * retries, retries, cache hits, tokens, cost in US dollars, and each call's latency in milliseconds.
 */
@RegisterForReflection
public record Usage(long calls, long failures, long retries, long cacheHits, long inputTokens, long outputTokens,
        double cost, List<Long> latenciesMs) {
    public static final Usage NONE = new Usage(0, 0, 0, 0, 0, 0, 0, List.of());

    public Usage {
        latenciesMs = latenciesMs == null ? List.of() : List.copyOf(latenciesMs);
    }

    public Usage plus(Usage o) {
        List<Long> lat = new ArrayList<>(latenciesMs);
        lat.addAll(o.latenciesMs);
        return new Usage(calls + o.calls, failures + o.failures, retries + o.retries, cacheHits + o.cacheHits,
                inputTokens + o.inputTokens, outputTokens + o.outputTokens, cost + o.cost, lat);
    }

    public long tokens() {
        return inputTokens + outputTokens;
    }

    public static Usage call(long retries, long in, long out, double cost, long latencyMs) {
        return new Usage(1, 0, retries, 0, in, out, cost, List.of(latencyMs));
    }

    public static Usage failed(long retries) {
        return new Usage(1, 1, retries, 0, 0, 0, 0, List.of());
    }

    public static Usage hit() {
        return new Usage(0, 0, 0, 1, 0, 0, 0, List.of());
    }
}
