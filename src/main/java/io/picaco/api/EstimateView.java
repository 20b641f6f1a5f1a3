package io.picaco.api;

import io.picaco.conductor.RunSpec;
import io.picaco.core.Estimate;
import io.picaco.llm.Role;
import io.picaco.models.ModelEndpoints;

/**
 * {@code POST /api/runs/estimate}: expected calls by role (the judge on training responses, the evaluator on held-out
 * ones), tokens, and cost in US dollars from the endpoints' configured prices (0 where none is configured). Calls are exact for a run that neither stops early nor retries.
 */
public record EstimateView(long calls, long targetCalls, long optimizerCalls, long judgeCalls, long evaluatorCalls,
        long inputTokens, long outputTokens, long tokens, double cost, int trainingQueries, int heldOutQueries) {

    public static EstimateView of(RunSpec spec, ModelEndpoints endpoints) {
        Estimate e = spec.estimate();
        double cost = endpoints.require(spec.endpoint(Role.TARGET)).cost(e.target().input(), e.target().output())
                + endpoints.require(spec.endpoint(Role.OPTIMIZER)).cost(e.optimizer().input(), e.optimizer().output())
                + endpoints.require(spec.endpoint(Role.JUDGE)).cost(e.judge().input(), e.judge().output())
                + endpoints.require(spec.endpoint(Role.EVALUATOR)).cost(e.evaluator().input(), e.evaluator().output());
        return new EstimateView(e.calls(), e.targetCalls(), e.optimizerCalls(), e.judgeCalls(), e.evaluatorCalls(),
                e.inputTokens(),
                e.outputTokens(), e.tokens(), cost, spec.training().size(), spec.heldOut().size());
    }
}
