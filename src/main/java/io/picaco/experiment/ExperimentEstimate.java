package io.picaco.experiment;

import java.util.Map;

/**
 * {@code POST /api/experiments/estimate}: the whole grid's expected calls by role, tokens and cost (US dollars, from
 * the endpoints' configured prices), the sum of its runs' estimates ({@code POST /api/runs/estimate}); calls are
 * exact for runs that neither stop early nor retry.
 *
 * @param runs the runs the grid creates ({@code bare} and {@code q+if} need none of their own)
 * @param cells composition × target pairs
 * @param units the units behind each cell's figures (held-out queries × repeats)
 * @param callsByMethod estimated calls per method, over the grid
 */
public record ExperimentEstimate(int runs, int cells, int units, long calls, long targetCalls, long optimizerCalls,
        long judgeCalls, long evaluatorCalls, long inputTokens, long outputTokens, long tokens, double cost,
        Map<String, Long> callsByMethod) {
}
