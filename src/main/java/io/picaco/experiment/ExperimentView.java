package io.picaco.experiment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.picaco.experiment.stats.CellReport;

/**
 * {@code GET /api/experiments/{id}} (ARCHITECTURE.md "Experiments"): status and progress derived from the runs, one
 * entry per cell (composition × target, pooled over repeats) with every method's figures, usage, error; plus what
 * the report header states (evaluator, held-out queries, repeats, samples) and the runs, for links.
 */
public record ExperimentView(String id, String name, String status, Progress progress, List<Cell> cells,
        Usage usage, String error, Setup setup, List<RunRef> runs, Instant createdAt) {

    public record Progress(int runsDone, int runsTotal) {
    }

    /**
     * @param units the units behind every figure of the cell: (repeat, held-out query) pairs rated for every
     *        method; a unit's score is its mean over samples and values (weighted)
     * @param unitsDropped units some method lacks (its run has not finished, failed, or every rating failed)
     */
    public record Cell(String composition, String target, int units, int unitsDropped, List<Method> methods,
            CellReport.Friedman friedman) {
    }

    /**
     * One method's figures in a cell (see {@link CellReport.Method}), with the calls and cost of its runs (0 for
     * {@code bare} and {@code q+if}, which are evaluated on the other methods' runs and optimize nothing).
     */
    public record Method(String method, Double mean, List<Double> ci, Double min, List<Double> minCi, Double cv,
            List<Double> cvCi, Double redundancy, Map<String, Double> perValue, Double meanRank,
            CellReport.VsPicaco vsPicaco, long calls, double cost, List<String> runs) {
    }

    public record Usage(long calls, long failures, long cacheHits, long inputTokens, long outputTokens, double cost) {
    }

    /**
     * @param evaluator the endpoint that rated the held-out responses (the judge's, when no evaluator is named)
     * @param heldOut held-out queries per cell and repeat; {@code querySet} where they come from (null: the
     *        composition's own set, split by the seed)
     * @param baselinesFrom the method whose runs supply {@code bare} and {@code q+if} in each cell and repeat
     */
    public record Setup(List<String> methods, List<String> compositions, List<String> targets, int repeats,
            long seed, String preset, int heldOut, int samples, String querySet, String evaluator,
            String baselinesFrom, ExperimentRequest.Budget budget) {
    }

    public record RunRef(String id, String composition, String target, int repeat, String method, String status) {
    }
}
