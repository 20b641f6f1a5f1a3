package io.picaco.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import io.picaco.core.Demonstration;
import io.picaco.llm.JudgeMode;
import io.picaco.steps.ValueInput;
import io.picaco.validation.Bound;
import io.picaco.validation.Distinct;
import io.picaco.validation.Inputs;
import io.picaco.validation.Within;

/**
 * The body of {@code POST /api/runs}: a built-in composition or custom values, and optional parameters. The field
 * rules are declared here (ranges from {@code picaco.limits.*}); {@link RunSpecResolver} adds the rules that need
 * more than one field or a lookup (the method, and URIAL's examples).
 */
public record RunRequest(@Within(value = Bound.NAME, blank = false) String name,
        String composition,
        @Within(value = Bound.VALUES, groups = Inputs.Shape.class) @Within(Bound.VALUES) @Distinct("value id")
        List<@NotNull(message = "is required") @Valid ValueInput> values,
        @Within(value = Bound.QUERIES, groups = Inputs.Shape.class) @Within(Bound.QUERIES)
        List<@NotBlank(message = "must not be empty") @Within(Bound.QUERY) String> queries,
        String querySet, String preset, @Within(Bound.ITERATIONS) Integer iterations,
        @Within(Bound.CANDIDATES) Integer candidates, @Within(Bound.SAMPLES) Integer samples,
        @Within(Bound.SAMPLES) Integer evalSamples, @Within(Bound.POOL_SIZE) Integer alignedPoolSize,
        @Within(Bound.POOL_SIZE) Integer noisyPoolSize, @Within(Bound.BETA) Double beta, Double heldOut,
        @Min(value = 0, message = "must be between 0 and 2147483647")
        @Max(value = Integer.MAX_VALUE, message = "must be between 0 and 2147483647") Long seed,
        @Within(value = Bound.INSTRUCTION, blank = false) String seedInstruction,
        JudgeMode judgeMode, @Within(Bound.INSTRUCTION_LENGTH) Integer maxLength, Models models,
        @Valid Budget budget, String method, List<Demonstration> examples) {

    /** Names of configured endpoints per role. */
    public record Models(String target, String optimizer, String judge, String evaluator) {
    }

    /** Per-run limits; each optional. */
    public record Budget(@Positive(message = "must be > 0") Long maxCalls,
            @Positive(message = "must be > 0") Long maxTokens, @Positive(message = "must be > 0") Double maxCost) {
    }
}
