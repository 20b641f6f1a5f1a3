package io.picaco.api;

import java.util.List;

import io.picaco.steps.ValueInput;

/** The body of {@code POST /api/runs}: a built-in composition or custom values, and optional parameters. */
public record RunRequest(String name, String composition, List<ValueInput> values, List<String> queries,
        String querySet, String preset, Integer iterations, Integer candidates, Integer samples, Integer evalSamples,
        Integer alignedPoolSize, Integer noisyPoolSize, Double beta, Double heldOut, Long seed,
        String seedInstruction, String judgeMode, Integer maxLength, Models models, Budget budget) {

    /** Names of configured endpoints per role. */
    public record Models(String target, String optimizer, String judge, String evaluator) {
    }

    /** Per-run limits; each optional. */
    public record Budget(Long maxCalls, Long maxTokens, Double maxCost) {
    }
}
