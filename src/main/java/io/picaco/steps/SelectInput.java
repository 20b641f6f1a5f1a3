package io.picaco.steps;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.picaco.validation.Bound;
import io.picaco.validation.Distinct;
import io.picaco.validation.Identified;
import io.picaco.validation.Inputs;
import io.picaco.validation.Within;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The fixed {@code POST /select} contract of ARCHITECTURE.md. */
@RegisterForReflection
public record SelectInput(@Within(Bound.BETA) Double beta,
        @NotNull(message = "is required")
        @Size(min = 1, message = "must have at least 1 entry")
        @Within(value = Bound.VALUE_IDS, groups = Inputs.Shape.class) @Within(Bound.VALUE_IDS) @Distinct("value id")
        List<@NotBlank(message = "must not be empty") String> values,
        Map<String, @NotNull(message = "must be > 0") @Within(Bound.WEIGHT) Double> weights,
        Map<String, @NotNull(message = "must be a number") Double> baselines,
        String incumbent,
        @NotNull(message = "is required")
        @Within(value = Bound.ITEMS, groups = Inputs.Shape.class) @Within(Bound.ITEMS)
        @Distinct("instruction id") List<@NotNull(message = "is required") @Valid Instruction> instructions,
        @Within(Bound.POOL_SIZE) Integer alignedPoolSize, Boolean redundancy) {

    /** The fixed contract's fields; {@code redundancy} (optional, default true) is false for the ablation. */
    public SelectInput(Double beta, List<String> values, Map<String, Double> weights, Map<String, Double> baselines,
            String incumbent, List<Instruction> instructions, Integer alignedPoolSize) {
        this(beta, values, weights, baselines, incumbent, instructions, alignedPoolSize, null);
    }

    public record Instruction(@NotBlank(message = "must not be empty") String id,
            @NotNull(message = "is required") List<@NotNull(message = "is required") @Valid Response> responses)
            implements Identified {
    }

    /** {@code redundancy} is the cosine c; a null {@code ratings} (or rating) marks a failed judgment. */
    public record Response(@NotBlank(message = "must not be empty") String id,
            @NotBlank(message = "must not be empty") String queryId,
            Map<String, @DecimalMin(value = "1", message = "must be between 1 and 5")
                    @DecimalMax(value = "5", message = "must be between 1 and 5") Double> ratings,
            @DecimalMin(value = "-1", message = "must be a cosine in [-1, 1]")
            @DecimalMax(value = "1", message = "must be a cosine in [-1, 1]") Double redundancy) {
    }
}
