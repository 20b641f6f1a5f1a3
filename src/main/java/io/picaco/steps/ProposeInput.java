package io.picaco.steps;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
        Long seed, String model,
        @Pattern(regexp = "picaco|opro", message = "must be picaco or opro") String style,
        @Size(max = 16, message = "must have at most 16 entries", groups = Inputs.Shape.class)
        List<@NotBlank(message = "must not be empty") @Within(Bound.QUERY) String> examples) {

    /** OPRO's meta-prompt (ALGORITHM.md, "Methods"): scalar scores, example queries; no exemplars or parroting. */
    public static final String OPRO = "opro";

    /** A PICACO proposal (the default style). */
    public ProposeInput(List<ValueInput> values, List<OptimizerPrompt.TrajectoryEntry> trajectory, List<String> weakest,
            List<OptimizerPrompt.Exemplar> exemplars, List<String> avoid, Integer count, Integer maxLength,
            List<String> earlier, Long seed, String model) {
        this(values, trajectory, weakest, exemplars, avoid, count, maxLength, earlier, seed, model, null, null);
    }
}
