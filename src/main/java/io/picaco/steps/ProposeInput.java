package io.picaco.steps;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.picaco.llm.OptimizerPrompt;
import io.picaco.validation.Bound;
import io.picaco.validation.Distinct;
import io.picaco.validation.Inputs;
import io.picaco.validation.Within;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the optimizer sees: values, scored trajectory (ascending), weakest values, exemplars, parroting to avoid.
 * The trajectory and exemplars are the optimizer's records ({@code llm}); {@link StepRules} checks their texts.
 */
@RegisterForReflection
public record ProposeInput(
        @NotNull(message = "is required")
        @Within(value = Bound.VALUES, groups = Inputs.Shape.class) @Within(Bound.VALUES)
        @Distinct("value id") List<@NotNull(message = "is required") @Valid ValueInput> values,
        @Size(max = 200, message = "must have at most 200 entries", groups = Inputs.Shape.class)
        List<OptimizerPrompt.TrajectoryEntry> trajectory,
        @Within(value = Bound.VALUE_IDS, groups = Inputs.Shape.class) @Within(Bound.VALUE_IDS)
        List<@Size(max = 64, message = "must be at most 64 characters") String> weakest,
        @Size(max = 64, message = "must have at most 64 entries", groups = Inputs.Shape.class)
        List<OptimizerPrompt.Exemplar> exemplars,
        @Size(max = 50, message = "must have at most 50 entries", groups = Inputs.Shape.class)
        List<@Within(Bound.RESPONSE) String> avoid,
        @Within(Bound.CANDIDATES) Integer count, @Within(Bound.INSTRUCTION_LENGTH) Integer maxLength,
        @Within(value = Bound.EARLIER, groups = Inputs.Shape.class) @Within(Bound.EARLIER)
        List<@Within(Bound.INSTRUCTION) String> earlier,
        Long seed, String model) {
}
