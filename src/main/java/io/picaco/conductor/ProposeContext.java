package io.picaco.conductor;

import java.util.List;

import io.picaco.store.Instruction;
import io.picaco.store.ResponseRow;

/** What a method may show its optimizer: the run's instructions so far and its scored training responses. */
public record ProposeContext(RunSpec spec, int iteration, long incumbentId, List<Instruction> instructions,
        List<ResponseRow> training) {
}
