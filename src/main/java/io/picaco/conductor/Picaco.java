package io.picaco.conductor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.picaco.core.ObjectiveSpec;
import io.picaco.core.Scoring;
import io.picaco.llm.OptimizerPrompt;
import io.picaco.llm.Role;
import io.picaco.llm.Seeds;
import io.picaco.steps.ProposeInput;
import io.picaco.steps.ValueInput;
import io.picaco.store.Instruction;
import io.picaco.store.Json;
import io.picaco.store.ResponseRow;

/**
 * PICACO (ALGORITHM.md): noisy pool, seed, then T rounds of propose-sample-score-select maximising Ĵ; the optimizer
 * sees the trajectory, aligned-pool exemplars for the weakest values and parroted noisy-pool responses. Its
 * ablations leave one part out: the redundancy term (τ = β Σ w_k log q_ω; the noisy pool is still built, for the
 * parroted examples), the noisy pool (b(x) = 0 and no parroted examples), the response enhancement (no exemplars),
 * or all rounds but the first.
 */
final class Picaco implements Method {
    static final int EXEMPLAR_CHARS = 600;
    static final int TRAJECTORY = 8;

    private final MethodName name;
    private final boolean noisyPool;
    private final boolean enhancement;
    private final boolean singleRound;
    private final boolean redundancy;

    private Picaco(MethodName name, boolean noisyPool, boolean enhancement, boolean singleRound,
            boolean redundancy) {
        this.name = name;
        this.noisyPool = noisyPool;
        this.enhancement = enhancement;
        this.singleRound = singleRound;
        this.redundancy = redundancy;
    }

    static Picaco full() {
        return new Picaco(MethodName.PICACO, true, true, false, true);
    }

    static Picaco withoutRedundancy() {
        return new Picaco(MethodName.PICACO_NO_REDUNDANCY, true, true, false, false);
    }

    static Picaco withoutNoisyPool() {
        return new Picaco(MethodName.PICACO_NO_NOISY_POOL, false, true, false, true);
    }

    static Picaco withoutEnhancement() {
        return new Picaco(MethodName.PICACO_NO_ENHANCEMENT, true, false, false, true);
    }

    static Picaco singleRound() {
        return new Picaco(MethodName.PICACO_SINGLE_ROUND, true, true, true, true);
    }

    @Override
    public MethodName name() {
        return name;
    }

    /** Without the noisy pool there are no noisy responses: b(x) = 0 and nothing is shown as parroting. */
    @Override
    public Phase firstPhase() {
        return noisyPool ? Phase.NOISY_SAMPLE : Phase.SAMPLE;
    }

    @Override
    public ObjectiveSpec objective(RunSpec spec) {
        ObjectiveSpec full = spec.objective();
        return redundancy ? full : new ObjectiveSpec(full.beta(), full.valueIds(), full.weights(), false);
    }

    @Override
    public boolean lastIteration(RunSpec spec, int iteration) {
        return iteration >= (singleRound ? Math.min(1, spec.iterations()) : spec.iterations());
    }

    @Override
    public ProposeInput proposeInput(ProposeContext c) {
        RunSpec spec = c.spec();
        Instruction incumbent = c.instructions().stream().filter(i -> i.id == c.incumbentId()).findFirst()
                .orElseThrow();
        Map<String, Double> means = incumbent.perValueJson == null ? Map.of() : Json.doubles(incumbent.perValueJson);
        // The weaker half of the values (at least two), weakest first; exemplars for the two weakest.
        List<String> weakest = spec.valueIds().stream()
                .sorted(Comparator.comparingDouble(v -> means.getOrDefault(v, 0.0)))
                .limit(Math.max(2, (spec.valueIds().size() + 1) / 2))
                .toList();
        return new ProposeInput(spec.values().stream().map(ValueInput::of).toList(), trajectory(c.instructions()),
                weakest, enhancement ? exemplars(spec, c.training(), weakest.subList(0, 2)) : List.of(),
                parroting(c.training()),
                spec.candidates(), spec.maxLength(), c.instructions().stream().map(i -> i.text).toList(),
                (long) Seeds.derive(spec.seed(), "propose", c.iteration()), spec.endpoint(Role.OPTIMIZER));
    }

    /** The best instructions so far with their scores, in ascending order (as OPRO shows them). */
    static List<OptimizerPrompt.TrajectoryEntry> trajectory(List<Instruction> all) {
        Comparator<Instruction> byScore = Comparator.comparingDouble((Instruction i) -> Scoring.comparable(i.jHat));
        return all.stream()
                .filter(i -> i.jHat != null && !Instruction.BARE.equals(i.origin))
                .sorted(byScore.reversed().thenComparing(i -> i.id))
                .limit(TRAJECTORY)
                .sorted(byScore.thenComparing(i -> i.id))
                .map(i -> new OptimizerPrompt.TrajectoryEntry(i.text, i.jHat, Json.doubles(i.perValueJson)))
                .toList();
    }

    /** For each value: the aligned-pool response rated highest on it, against the lowest-rated on the same query. */
    static List<OptimizerPrompt.Exemplar> exemplars(RunSpec spec, List<ResponseRow> train, List<String> values) {
        List<OptimizerPrompt.Exemplar> exemplars = new ArrayList<>();
        List<ResponseRow> aligned = train.stream().filter(r -> ResponseRow.ALIGNED.equals(r.pool)).toList();
        Map<Long, Map<String, Double>> ratings = new HashMap<>();
        aligned.forEach(r -> ratings.put(r.id, Json.doubles(r.ratingsJson)));
        for (String v : values) {
            Comparator<ResponseRow> byValue = Comparator.comparingDouble(r -> ratings.get(r.id).get(v));
            aligned.stream().max(byValue.thenComparing(r -> r.id)).ifPresent(high -> aligned.stream()
                    .filter(r -> r.queryIndex == high.queryIndex)
                    .min(byValue.thenComparing(r -> r.id))
                    .ifPresent(low -> exemplars.add(new OptimizerPrompt.Exemplar(v,
                            spec.query(high.split, high.queryIndex), cut(high.text), cut(low.text),
                            ratings.get(high.id).get(v), ratings.get(low.id).get(v),
                            OptimizerPrompt.reason(Json.strings(high.reasonsJson), v),
                            OptimizerPrompt.reason(Json.strings(low.reasonsJson), v)))));
        }
        return exemplars;
    }

    /**
     * Parroting to avoid: the two training responses that share most with the value text, among those that share
     * more with it than any bare answer of the noisy pool does (none without a noisy pool).
     */
    static List<String> parroting(List<ResponseRow> train) {
        double bare = train.stream().filter(r -> ResponseRow.NOISY.equals(r.pool) && r.redundancy != null)
                .mapToDouble(r -> Scoring.comparable(r.redundancy)).max().orElse(Double.MAX_VALUE);
        return train.stream().filter(r -> r.redundancy != null && Scoring.comparable(r.redundancy) > bare)
                .sorted(Comparator.comparingDouble((ResponseRow r) -> Scoring.comparable(r.redundancy)).reversed()
                        .thenComparing(r -> r.id))
                .limit(2).map(r -> cut(r.text)).toList();
    }

    private static String cut(String text) {
        return text == null || text.length() <= EXEMPLAR_CHARS ? text : text.substring(0, EXEMPLAR_CHARS) + "…";
    }
}
