package io.picaco.conductor;

import java.util.List;
import java.util.Map;

import io.picaco.core.Demonstration;
import io.picaco.core.ObjectiveSpec;
import io.picaco.steps.ProposeInput;
import io.picaco.steps.SelectOutput;

/**
 * A method is a strategy of the conductor (ALGORITHM.md, "Methods"): which phases its runs go through, which
 * instruction they start from, what the optimizer is shown, what the run maximises and how the winner is chosen.
 * Every method runs through the same phases, budgets, resume and usage; only these choices differ.
 */
public interface Method {
    MethodName name();

    /** The phase a queued run starts in: the noisy pool, the seed's iteration 0, or (fixed methods) evaluation. */
    Phase firstPhase();

    /** Which instruction a run starts from, and a fixed method evaluates as its own. */
    enum Start {
        BARE, SEED, OWN
    }

    default Start start() {
        return Start.SEED;
    }

    /** The text of the method's own instruction ({@link Start#OWN}). */
    default String ownInstruction(RunSpec spec) {
        throw new UnsupportedOperationException(name().id() + " has no instruction of its own");
    }

    /** Earlier chat turns sent with the method's own instruction (URIAL's demonstrations); none by default. */
    default List<Demonstration> demonstrations(RunSpec spec) {
        return List.of();
    }

    /** The observations s that redundancy is measured against; null: the values' names and definitions. */
    default String observations(RunSpec spec) {
        return null;
    }

    /** What the run maximises: responses' τ, the aligned pool and the selection's Ĵ. */
    default ObjectiveSpec objective(RunSpec spec) {
        return spec.objective();
    }

    /** Whether the run stops after the select of this iteration (besides early stopping). */
    default boolean lastIteration(RunSpec spec, int iteration) {
        return iteration >= spec.iterations();
    }

    /** What the optimizer is asked in this iteration. */
    default ProposeInput proposeInput(ProposeContext context) {
        throw new UnsupportedOperationException(name().id() + " does not propose");
    }

    /** The instruction the run carries on with, from the select step's ranking (best Ĵ first). */
    default String winner(SelectOutput ranked) {
        return ranked.selected();
    }

    /** The score of an instruction as this method sees it (what early stopping watches): Ĵ by default. */
    default Double score(Double jHat, Map<String, Double> perValue) {
        return jHat;
    }
}
