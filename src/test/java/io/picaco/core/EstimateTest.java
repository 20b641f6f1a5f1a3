package io.picaco.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EstimateTest {

    @Test
    void quickPresetCallsCountedByHand() {
        // N=12, held-out 4, T=4, C=3, S=1, eval 2, M2=3, K=4, joint judge.
        // target: noisy 12*3=36 + seed 12 + 4 iterations * 4 instructions * 12 = 192 + eval 3*4*2 = 24 -> 264
        // judge: (12 + 192 + 24) = 228; optimizer: 4
        Estimate e = Estimate.of(new Estimate.Shape(4, 12, 4, 4, 3, 1, 2, 3, false, 600, 120, 1500));
        assertEquals(264, e.targetCalls());
        assertEquals(228, e.judgeCalls());
        assertEquals(4, e.optimizerCalls());
        assertEquals(496, e.calls());
        assertTrue(e.inputTokens() > 0 && e.outputTokens() > 0);
    }

    @Test
    void perValueJudgeMultipliesJudgeCallsByK() {
        Estimate joint = Estimate.of(new Estimate.Shape(8, 50, 16, 10, 4, 1, 2, 15, false, 900, 120, 1500));
        Estimate perValue = Estimate.of(new Estimate.Shape(8, 50, 16, 10, 4, 1, 2, 15, true, 900, 120, 1500));
        assertEquals(8 * joint.judgeCalls(), perValue.judgeCalls());
        assertEquals(joint.targetCalls(), perValue.targetCalls());
        // paper preset: 50*15 + 50 + 10*5*50 + 3*16*2 = 750 + 50 + 2500 + 96
        assertEquals(3396, joint.targetCalls());
    }
}
