package io.picaco.conductor;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.picaco.core.Scoring;
import io.picaco.llm.OptimizerPrompt;
import io.picaco.llm.OproPrompt;
import io.picaco.llm.Role;
import io.picaco.llm.Seeds;
import io.picaco.steps.ProposeInput;
import io.picaco.steps.SelectOutput;
import io.picaco.steps.ValueInput;
import io.picaco.store.Instruction;
import io.picaco.store.Json;

/**
 * OPRO (Yang et al. 2023; ALGORITHM.md, "Methods"): T iterations of C candidates from the seed, with the same
 * training queries, samples, judge and optimizer as PICACO, so budgets match. The optimizer sees earlier instructions
 * with one scalar score (the mean rating, ascending) and three training queries; the best mean rating wins. No pools,
 * no redundancy term, no exemplars.
 */
final class Opro implements Method {

    @Override
    public MethodName name() {
        return MethodName.OPRO;
    }

    @Override
    public Phase firstPhase() {
        return Phase.SAMPLE;
    }

    @Override
    public ProposeInput proposeInput(ProposeContext c) {
        RunSpec spec = c.spec();
        Comparator<Instruction> byScore = Comparator.comparingDouble((Instruction i) -> Scoring.comparable(meanOf(i)));
        List<OptimizerPrompt.TrajectoryEntry> earlier = c.instructions().stream()
                .filter(i -> i.perValueJson != null && !Instruction.BARE.equals(i.origin))
                .sorted(byScore.reversed().thenComparing(i -> i.id))
                .limit(OproPrompt.SHOWN)
                .sorted(byScore.thenComparing(i -> i.id))
                .map(i -> new OptimizerPrompt.TrajectoryEntry(i.text, null, Json.doubles(i.perValueJson)))
                .toList();
        return new ProposeInput(spec.values().stream().map(ValueInput::of).toList(), earlier, List.of(), List.of(),
                List.of(), spec.candidates(), spec.maxLength(), c.instructions().stream().map(i -> i.text).toList(),
                (long) Seeds.derive(spec.seed(), "propose", c.iteration()), spec.endpoint(Role.OPTIMIZER),
                ProposeInput.OPRO, spec.training().subList(0, Math.min(3, spec.training().size())));
    }

    /** The best mean rating; on a tie the one the select step ranked higher (the incumbent wins ties of Ĵ). */
    @Override
    public String winner(SelectOutput ranked) {
        SelectOutput.Ranked best = null;
        for (SelectOutput.Ranked r : ranked.ranking()) {
            if (r.perValue() != null && !r.perValue().isEmpty()
                    && (best == null || Scoring.comparable(mean(r.perValue())) > Scoring.comparable(mean(best.perValue())))) {
                best = r;
            }
        }
        return best == null ? ranked.selected() : best.id();
    }

    @Override
    public Double score(Double jHat, Map<String, Double> perValue) {
        return perValue == null || perValue.isEmpty() ? null : mean(perValue);
    }

    private static double meanOf(Instruction i) {
        return mean(Json.doubles(i.perValueJson));
    }

    static double mean(Map<String, Double> perValue) {
        return perValue.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NEGATIVE_INFINITY);
    }
}
