package io.picaco.experiment;

import java.util.List;
import java.util.Set;

/**
 * What an experiment is, resolved and stored as JSON on its row: the grid (cells = composition × target, repeats),
 * the methods in report order, how held-out evaluation is done, and one entry per run.
 *
 * <p>{@code bare} and {@code q+if} have no runs of their own: every run already evaluates the bare model and its
 * seed instruction (the Q+IF prompt) on its held-out queries (conductor.EvaluatePhase), on the same queries and
 * with the same sample seeds as every other method of its cell and repeat. So each cell and repeat takes them from
 * the run of {@link #baselinesFrom} instead of spending a run (and its optimization calls) on each; every method of
 * the cell is then compared on identical responses for these two. Only an experiment of {@code bare}/{@code q+if}
 * alone gets a run for them, of method {@code q+if} (an evaluation-only method).
 *
 * @param cells the cell keys in report order: a built-in composition id, or {@value #CUSTOM}
 * @param heldOut held-out queries per cell and repeat
 * @param samples responses per held-out query
 * @param querySet the out-of-distribution set the held-out queries come from; null for the usual split
 * @param evaluator the endpoint (and model) that rates the held-out responses; null in plans stored before the
 *            evaluator role, whose runs were rated by the judge
 * @param judge the judge's endpoint
 * @param baselinesFrom the method whose runs supply {@code bare} and {@code q+if}
 */
public record ExperimentPlan(String name, long seed, int repeats, String preset, List<String> methods,
        List<String> cells, List<String> targets, int heldOut, int samples, String querySet, String evaluator,
        String judge, String baselinesFrom, ExperimentRequest.Budget budget, List<PlannedRun> runs) {

    public static final String CUSTOM = "custom";
    public static final String BARE = "bare";
    public static final String Q_IF = "q+if";
    /** The methods evaluated once per cell and repeat and shared, never optimized. */
    public static final Set<String> SHARED = Set.of(BARE, Q_IF);

    /** One run of the grid: repeat {@code r} uses seed {@code seed + r}. */
    public record PlannedRun(String runId, String cell, String target, int repeat, String method) {
    }

    /** The run that supplies {@code method}'s held-out responses in this cell, target and repeat (null if none). */
    public PlannedRun runFor(String method, String cell, String target, int repeat) {
        String from = SHARED.contains(method) && !hasRuns(method) ? baselinesFrom : method;
        return runs.stream().filter(p -> p.method().equals(from) && p.cell().equals(cell)
                && p.target().equals(target) && p.repeat() == repeat).findFirst().orElse(null);
    }

    boolean hasRuns(String method) {
        return runs.stream().anyMatch(p -> p.method().equals(method));
    }
}
