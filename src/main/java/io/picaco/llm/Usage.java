package io.picaco.llm;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Model usage of a step or a run: calls made, calls that failed after retries, retries, tokens. */
@RegisterForReflection
public record Usage(long calls, long failures, long retries, long inputTokens, long outputTokens) {
    public static final Usage NONE = new Usage(0, 0, 0, 0, 0);

    public Usage plus(Usage o) {
        return new Usage(calls + o.calls, failures + o.failures, retries + o.retries, inputTokens + o.inputTokens,
                outputTokens + o.outputTokens);
    }

    public long tokens() {
        return inputTokens + outputTokens;
    }
}
