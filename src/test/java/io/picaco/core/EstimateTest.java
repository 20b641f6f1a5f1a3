package io.picaco.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EstimateTest {

    @Test
    void quickPresetCallsCountedByHand() {
        // N=12, held-out 4, T=4, C=3, S=1, eval 2, M2=3, K=4, joint judge.
        // target: noisy 12*3=36 + seed 12 + 4 iterations * 4 instructions * 12 = 192 + eval 3*4*2 = 24 -> 264
        // judge: 12 + 192 = 204 training ratings; evaluator: 24 held-out ones; optimizer: 4
        Estimate e = Estimate.of(new Estimate.Shape(4, 12, 4, 4, 3, 1, 2, 3, false, 600, 120, 1500));
        assertEquals(264, e.targetCalls());
        assertEquals(204, e.judgeCalls());
        assertEquals(24, e.evaluatorCalls());
        assertEquals(4, e.optimizerCalls());
        assertEquals(496, e.calls());
        assertTrue(e.inputTokens() > 0 && e.outputTokens() > 0);
    }

    @Test
    void perValueJudgeMultipliesJudgeCallsByK() {
        Estimate joint = Estimate.of(new Estimate.Shape(8, 50, 16, 10, 4, 1, 2, 15, false, 900, 120, 1500));
        Estimate perValue = Estimate.of(new Estimate.Shape(8, 50, 16, 10, 4, 1, 2, 15, true, 900, 120, 1500));
        assertEquals(8 * joint.judgeCalls(), perValue.judgeCalls());
        assertEquals(8 * joint.evaluatorCalls(), perValue.evaluatorCalls());
        assertEquals(joint.targetCalls(), perValue.targetCalls());
        // paper preset: 50*15 + 50 + 10*5*50 + 3*16*2 = 750 + 50 + 2500 + 96
        assertEquals(3396, joint.targetCalls());
    }

    @Test
    void baselinesCostOnlyWhatTheyRun() {
        // Fixed instructions evaluate only: bare + seed (q+if), or bare + seed + URIAL's own: 2 or 3 x 4 x 2.
        Estimate qIf = Estimate.of(new Estimate.Shape(4, 12, 4, 4, 3, 1, 2, 3, false, 600, 120, 1500, false, false, 2));
        assertEquals(16, qIf.targetCalls());
        assertEquals(0, qIf.judgeCalls());
        assertEquals(16, qIf.evaluatorCalls());
        assertEquals(0, qIf.optimizerCalls());
        Estimate urial = Estimate.of(new Estimate.Shape(4, 12, 4, 4, 3, 1, 2, 3, false, 600, 120, 1500, false, false,
                3));
        assertEquals(24, urial.calls() / 2);
        // OPRO: no noisy pool, the rest as PICACO: 264 - 36 target calls.
        Estimate opro = Estimate.of(new Estimate.Shape(4, 12, 4, 4, 3, 1, 2, 3, false, 600, 120, 1500, true, false, 3));
        assertEquals(228, opro.targetCalls());
        assertEquals(204, opro.judgeCalls());
    }
}
