package io.picaco.api;

import io.picaco.conductor.RunSpec;
import io.picaco.core.Estimate;

/** {@code POST /api/runs/estimate}: expected calls by role and tokens for the resolved settings. */
public record EstimateView(long calls, long targetCalls, long optimizerCalls, long judgeCalls, long inputTokens,
        long outputTokens, long tokens, int trainingQueries, int heldOutQueries) {

    static EstimateView of(RunSpec spec) {
        Estimate e = spec.estimate();
        return new EstimateView(e.calls(), e.targetCalls(), e.optimizerCalls(), e.judgeCalls(), e.inputTokens(),
                e.outputTokens(), e.tokens(), spec.training().size(), spec.heldOut().size());
    }
}
