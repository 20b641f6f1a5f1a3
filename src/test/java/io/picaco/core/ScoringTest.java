package io.picaco.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ScoringTest {

    @Test
    void ratingsMapToClampedProbabilities() {
        assertEquals(0.02, Scoring.qOmega(1), 1e-12); // (1-1)/4 = 0, clamped up
        assertEquals(0.5, Scoring.qOmega(3), 1e-12);
        assertEquals(0.75, Scoring.qOmega(4), 1e-12);
        assertEquals(0.98, Scoring.qOmega(5), 1e-12); // (5-1)/4 = 1, clamped down
        assertEquals(0.375, Scoring.qOmega(2.5), 1e-12); // logprob-weighted ratings are fractional
    }

    @Test
    void cosineMapsToRedundancyProbability() {
        assertEquals(0.7, Scoring.qPhi(0.4), 1e-12);
        assertEquals(1.0, Scoring.qPhi(1.0), 1e-12);
        assertEquals(0.01, Scoring.qPhi(-1.0), 1e-12); // (1-1)/2 = 0, clamped up
    }

    @Test
    void weightsAreRescaledToSumToK() {
        Map<String, Double> w = Scoring.normalizedWeights(List.of("a", "b", "c"), Map.of("a", 2.0, "b", 1.0));
        // raw 2,1,1 (c defaults to 1) sum 4 -> times 3/4
        assertEquals(1.5, w.get("a"), 1e-12);
        assertEquals(0.75, w.get("b"), 1e-12);
        assertEquals(0.75, w.get("c"), 1e-12);
    }

    @Test
    void tauBalancesConformityAgainstRedundancy() {
        Map<String, Double> w = Scoring.normalizedWeights(List.of("a", "b"), null);
        // beta 2: 2*(ln 0.75 + ln 0.5) - ln((1+0.2)/2)
        double expected = 2 * (-0.2876820724517809 + -0.6931471805599453) - (-0.5108256237659907);
        assertEquals(expected, Scoring.tau(2.0, w, Map.of("a", 4.0, "b", 3.0), 0.2), 1e-12);
    }

    @Test
    void oneNeglectedValueCostsMoreThanPerfectingAnother() {
        Map<String, Double> w = Scoring.normalizedWeights(List.of("a", "b"), null);
        double balanced = Scoring.tau(1, w, Map.of("a", 4.0, "b", 4.0), 0);
        double lopsided = Scoring.tau(1, w, Map.of("a", 5.0, "b", 1.0), 0);
        assertEquals(2 * Math.log(0.75) + Math.log(2), balanced, 1e-12);
        assertEquals(Math.log(0.98) + Math.log(0.02) + Math.log(2), lopsided, 1e-12);
        assertEquals(true, balanced > lopsided + 3);
    }
}
