package io.picaco.steps;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.picaco.llm.JudgeMode;
import io.picaco.validation.Bound;
import io.picaco.validation.Distinct;
import io.picaco.validation.Identified;
import io.picaco.validation.Inputs;
import io.picaco.validation.Within;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Responses to judge on every value and to embed. {@code observations} is the value text s (default: one
 * {@code name: definition} line per value). {@code judge=false} only measures redundancy (the noisy pool).
 * {@code model} names the judge's configured endpoint (default: {@code judge}).
 */
@RegisterForReflection
public record ScoreInput(
        @NotNull(message = "is required")
        @Within(value = Bound.VALUES, groups = Inputs.Shape.class) @Within(Bound.VALUES)
        @Distinct("value id") List<@NotNull(message = "is required") @Valid ValueInput> values,
        @Within(value = Bound.RESPONSE, blank = false) String observations,
        @NotNull(message = "is required")
        @Within(value = Bound.ITEMS, groups = Inputs.Shape.class) @Within(Bound.ITEMS)
        @Distinct("item id")
        List<@NotNull(message = "is required") @Valid Item> items,
        JudgeMode judgeMode, Boolean judge, Long seed, String model) {

    public record Item(
            @NotBlank(message = "must not be empty")
            @Size(max = 200, message = "must be at most 200 characters") String id,
            @NotBlank(message = "must not be empty") @Within(Bound.QUERY) String query,
            @NotBlank(message = "must not be empty") @Within(Bound.RESPONSE) String response) implements Identified {
    }
}
