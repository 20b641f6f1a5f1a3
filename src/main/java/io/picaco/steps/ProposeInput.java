package io.picaco.steps;

import java.util.List;

import io.picaco.llm.OptimizerPrompt;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the optimizer sees: values, scored trajectory (ascending), weakest values, exemplars, parroting to avoid. */
@RegisterForReflection
public record ProposeInput(List<ValueInput> values, List<OptimizerPrompt.TrajectoryEntry> trajectory,
        List<String> weakest, List<OptimizerPrompt.Exemplar> exemplars, List<String> avoid, Integer count,
        Integer maxLength, List<String> earlier, Long seed, String model, String style, List<String> examples) {

    /** OPRO's meta-prompt (ALGORITHM.md, "Methods"): scalar scores, example queries; no exemplars or parroting. */
    public static final String OPRO = "opro";

    /** A PICACO proposal (the default style). */
    public ProposeInput(List<ValueInput> values, List<OptimizerPrompt.TrajectoryEntry> trajectory, List<String> weakest,
            List<OptimizerPrompt.Exemplar> exemplars, List<String> avoid, Integer count, Integer maxLength,
            List<String> earlier, Long seed, String model) {
        this(values, trajectory, weakest, exemplars, avoid, count, maxLength, earlier, seed, model, null, null);
    }
}
