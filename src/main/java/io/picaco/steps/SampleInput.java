package io.picaco.steps;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.picaco.core.Demonstration;
import io.picaco.validation.Bound;
import io.picaco.validation.Distinct;
import io.picaco.validation.Identified;
import io.picaco.validation.Inputs;
import io.picaco.validation.Within;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Responses to draw from the target model. Each item names its instruction (null or blank: the bare model, no
 * system message), its query and its sample index; the per-call seed is derived from the run seed and those.
 * {@code model} names the configured endpoint (default: {@code target}).
 */
@RegisterForReflection
public record SampleInput(
        @NotNull(message = "is required")
        @Within(value = Bound.ITEMS, groups = Inputs.Shape.class) @Within(Bound.ITEMS)
        @Distinct("item id")
        List<@NotNull(message = "is required") @Valid Item> items,
        Long seed,
        @DecimalMin(value = "0", message = "must be between 0 and 2")
        @DecimalMax(value = "2", message = "must be between 0 and 2") Double temperature,
        String model) {

    /** {@code demonstrations}: optional earlier chat turns (user query, assistant answer) before the query. */
    public record Item(
            @NotBlank(message = "must not be empty")
            @Size(max = 200, message = "must be at most 200 characters") String id,
            @Within(Bound.INSTRUCTION) String instruction,
            @NotBlank(message = "must not be empty") @Within(Bound.QUERY) String query,
            @Min(value = 0, message = "must be between 0 and 1000000")
            @Max(value = 1_000_000, message = "must be between 0 and 1000000") Integer sampleIndex,
            @Size(max = 8, message = "must have between 0 and 8 entries")
            List<@NotNull(message = "is required") Demonstration> demonstrations)
            implements Identified {
        public Item(String id, String instruction, String query, Integer sampleIndex) {
            this(id, instruction, query, sampleIndex, null);
        }
    }
}
