package io.picaco.conductor;

import java.util.Set;

/**
 * One phase of a run: it reads what it needs, calls its step with no transaction open, and commits the step's
 * results under the run's lock. When its work is complete it hands the run to {@link Transitions}.
 */
interface PhaseStep {
    /** The stored phases this class runs. */
    Set<Phase> phases();

    /** Does one unit of work of the phase (a batch of shards, or the phase's single step). */
    void run(Snapshot s);
}
