package io.picaco.conductor;

import java.util.List;

import io.picaco.core.Demonstration;
import io.picaco.store.Run;

/**
 * One target call a phase expects: an instruction (null text for the bare model), with any demonstrations sent as
 * earlier turns, on one query, one sample index.
 */
record SampleWork(long instructionId, String instruction, String split, int queryIndex, int sampleIndex,
        List<Demonstration> demonstrations) {
    SampleWork(long instructionId, String instruction, String split, int queryIndex, int sampleIndex) {
        this(instructionId, instruction, split, queryIndex, sampleIndex, null);
    }

    String key() {
        return RunLedger.key(instructionId, split, queryIndex, sampleIndex);
    }

    /** Every target call a phase makes; those already stored are skipped, so a resumed phase only does the rest. */
    interface Expected {
        List<SampleWork> of(Run run, RunSpec spec);
    }
}
