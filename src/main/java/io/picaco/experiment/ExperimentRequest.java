package io.picaco.experiment;

import java.util.List;

import io.picaco.llm.JudgeMode;
import io.picaco.steps.ValueInput;

/**
 * The body of {@code POST /api/experiments} (ARCHITECTURE.md, "Experiments"; the contract is fixed). Built-in
 * {@code compositions} or one custom composition as {@code values}; the {@code methods} to compare; the
 * {@code targets} (configured endpoint names, default {@code ["target"]}); {@code repeats} with seeds
 * {@code seed + r}; the run parameters every run shares; how the held-out evaluation is done; the optimizer, judge
 * and evaluator endpoints; and a budget for the whole grid. Unknown fields are refused (validation.StrictRequests).
 */
public record ExperimentRequest(String name, List<String> compositions, List<ValueInput> values, List<String> queries,
        String querySet, List<String> methods, List<String> targets, Integer repeats, Long seed, String preset,
        Integer iterations, Integer candidates, Integer samples, Integer alignedPoolSize, Integer noisyPoolSize,
        Double beta, String seedInstruction, JudgeMode judgeMode, Integer maxLength, Evaluation evaluation,
        Models models, Budget budget) {

    /**
     * @param heldOut held-out queries per cell and repeat (default 16, whatever the preset)
     * @param samples responses per held-out query (default 2)
     * @param querySet a built-in query set the held-out queries are drawn from instead (an out-of-distribution check)
     */
    public record Evaluation(Integer heldOut, Integer samples, String querySet) {
    }

    /** Names of configured endpoints; the targets are the grid's {@code targets}. */
    public record Models(String optimizer, String judge, String evaluator) {
    }

    /** Limits for the whole grid; each optional. */
    public record Budget(Long maxCalls, Long maxTokens, Double maxCost) {
    }
}
