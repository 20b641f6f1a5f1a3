package io.picaco.steps;

import java.util.List;

import io.picaco.llm.OptimizerPrompt;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the optimizer sees: values, scored trajectory (ascending), weakest values, exemplars, parroting to avoid. */
@RegisterForReflection
public record ProposeInput(List<ValueInput> values, List<OptimizerPrompt.TrajectoryEntry> trajectory,
        List<String> weakest, List<OptimizerPrompt.Exemplar> exemplars, List<String> avoid, Integer count,
        Integer maxLength, List<String> earlier, Long seed, String model) {
}
