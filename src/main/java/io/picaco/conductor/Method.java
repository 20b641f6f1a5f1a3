package io.picaco.conductor;

import io.picaco.core.ObjectiveSpec;
import io.picaco.steps.ProposeInput;
import io.picaco.steps.SelectOutput;

/**
 * A method is a strategy of the conductor: which phases its runs go through, what the optimizer is shown, what the
 * run maximises and how the winner is chosen. Every method runs through the same phases, budgets, resume and usage;
 * only these choices differ.
 */
public interface Method {
    MethodName name();

    /** The phase a queued run starts in. */
    Phase firstPhase();

    /** What the run maximises: responses' τ, the aligned pool and the selection's Ĵ. */
    ObjectiveSpec objective(RunSpec spec);

    /** Whether the run stops after the select of this iteration (besides early stopping). */
    boolean lastIteration(RunSpec spec, int iteration);

    /** What the optimizer is asked in this iteration. */
    ProposeInput proposeInput(ProposeContext context);

    /** The instruction the run carries on with, from the select step's ranking. */
    String winner(SelectOutput ranked);
}
