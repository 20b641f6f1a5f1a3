package io.picaco.conductor;

import java.util.List;
import java.util.Map;

import io.picaco.core.Demonstration;
import io.picaco.core.ObjectiveSpec;
import io.picaco.core.Value;
import io.picaco.llm.JudgeMode;

/**
 * Everything a run was started with, resolved (preset applied, queries split); stored as JSON on the run. A null
 * method (runs stored before methods existed) is PICACO. {@code examples}: a custom composition's URIAL
 * demonstrations (null: none, or the built-in composition's).
 */
public record RunSpec(String name, String composition, String preset, List<Value> values, List<String> training,
        List<String> heldOut, int iterations, int candidates, int samples, int evalSamples, int alignedPoolSize,
        int noisyPoolSize, double beta, long seed, String seedInstruction, JudgeMode judgeMode, int maxLength,
        double delta, int patience, Map<String, String> models, Budget budget, MethodName method,
        List<Demonstration> examples) {

    /** Key in {@link #models} of the evaluator's model name, recorded when the run was created. */
    public static final String EVALUATOR_MODEL = "evaluator.model";

    /** Per-run limits; each optional. */
    public record Budget(Long maxCalls, Long maxTokens, Double maxCost) {
        public boolean any() {
            return maxCalls != null || maxTokens != null || maxCost != null;
        }
    }

    /** The endpoint serving a role in this run: the one the run named, or the role's default. */
    public String endpoint(io.picaco.llm.Role role) {
        String named = models == null ? null : models.get(role.configName());
        return named != null ? named : role.configName();
    }

    public ObjectiveSpec objective() {
        return new ObjectiveSpec(beta, valueIds(), weights());
    }

    public List<String> valueIds() {
        return values.stream().map(Value::id).toList();
    }

    public java.util.Map<String, Double> weights() {
        java.util.Map<String, Double> w = new java.util.LinkedHashMap<>();
        values.forEach(v -> w.put(v.id(), v.weight()));
        return w;
    }

    public io.picaco.core.Estimate estimate() {
        int avgQuery = (int) java.util.stream.Stream.concat(training.stream(), heldOut.stream())
                .mapToInt(String::length).average().orElse(0);
        Method m = Methods.of(method);
        boolean optimizes = m.firstPhase() != Phase.EVAL_SAMPLE;
        // held-out answers: the bare model and the seed always, and the method's own or best instruction when it
        // has one besides those
        int evaluated = optimizes || m.start() == Method.Start.OWN ? 3 : 2;
        int rounds = optimizes && m.lastIteration(this, 1) ? Math.min(1, iterations) : iterations;
        return io.picaco.core.Estimate.of(new io.picaco.core.Estimate.Shape(values.size(), training.size(),
                heldOut.size(), rounds, candidates, samples, evalSamples, noisyPoolSize,
                judgeMode == JudgeMode.PER_VALUE, seedInstruction.length(), avgQuery, maxLength, optimizes,
                m.firstPhase() == Phase.NOISY_SAMPLE, evaluated));
    }

    public String query(String split, int index) {
        return ("test".equals(split) ? heldOut : training).get(index);
    }
}
