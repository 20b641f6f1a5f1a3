package io.picaco.conductor;

import java.util.List;

import io.picaco.store.Run;

/** One target call a phase expects: an instruction (null text for the bare model) on one query, one sample index. */
record SampleWork(long instructionId, String instruction, String split, int queryIndex, int sampleIndex) {
    String key() {
        return RunLedger.key(instructionId, split, queryIndex, sampleIndex);
    }

    /** Every target call a phase makes; those already stored are skipped, so a resumed phase only does the rest. */
    interface Expected {
        List<SampleWork> of(Run run, RunSpec spec);
    }
}
