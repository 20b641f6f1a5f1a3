package io.picaco.core;

import static io.picaco.core.ObjectiveTest.SPEC;
import static io.picaco.core.ObjectiveTest.r;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A run's decisions must not depend on differences in the last bits of a score: those are what different CPUs
 * (AVX2, AVX-512, NEON) leave in embeddings and math functions. Each decision is taken once on exact numbers and
 * once with the numbers nudged by 1e-9 in the direction that would flip it, and must come out the same.
 */
class LastBitsTest {
    private static final double NUDGE = 1e-9;

    @Test
    void selectionKeepsTheIncumbentWhenAChallengerIsAheadOnlyInTheLastBits() {
        var incumbent = new Selection.Candidate("e0", List.of(r("a", "q", 4, 4, 0.3)));
        var challenger = new Selection.Candidate("c1", List.of(r("b", "q", 4, 4, 0.3 - NUDGE)));
        assertEquals("e0", Selection.select(List.of(challenger, incumbent), "e0", Map.of(), SPEC).selected());
        // a real difference still wins
        var better = new Selection.Candidate("c2", List.of(r("c", "q", 4, 4, 0.3 - 1e-4)));
        assertEquals("c2", Selection.select(List.of(better, incumbent), "e0", Map.of(), SPEC).selected());
    }

    @Test
    void rankingAmongChallengersFollowsInputOrderWhenTheyDifferOnlyInTheLastBits() {
        var first = new Selection.Candidate("c1", List.of(r("a", "q", 4, 4, 0.3)));
        var second = new Selection.Candidate("c2", List.of(r("b", "q", 4, 4, 0.3 - NUDGE)));
        assertEquals("c1", Selection.select(List.of(first, second), null, Map.of(), SPEC).selected());
        assertEquals("c2", Selection.select(List.of(second, first), null, Map.of(), SPEC).selected());
    }

    @Test
    void alignedPoolCutOffIgnoresLastBitDifferencesAndBreaksTheTieById() {
        List<ScoredResponse> exact = List.of(r("7", "q", 4, 4, 0.3), r("8", "q", 4, 4, 0.3), r("9", "q", 4, 4, 0.3));
        List<ScoredResponse> nudged = List.of(r("7", "q", 4, 4, 0.3 + NUDGE), r("8", "q", 4, 4, 0.3),
                r("9", "q", 4, 4, 0.3 - NUDGE));
        assertEquals(List.of("7", "8"), Pools.aligned(exact, SPEC, 2).get("q"));
        assertEquals(Pools.aligned(exact, SPEC, 2), Pools.aligned(nudged, SPEC, 2));
    }

    @Test
    void noisyPoolIgnoresLastBitDifferences() {
        var exact = Pools.noisy(List.of(new Pools.BareResponse("1", "q", 0.4), new Pools.BareResponse("2", "q", 0.4),
                new Pools.BareResponse("3", "q", 0.1)), 1);
        var nudged = Pools.noisy(List.of(new Pools.BareResponse("1", "q", 0.4 - NUDGE),
                new Pools.BareResponse("2", "q", 0.4 + NUDGE), new Pools.BareResponse("3", "q", 0.1)), 1);
        assertEquals(List.of("1"), nudged.get("q").stream().map(Pools.BareResponse::id).toList());
        assertEquals(exact.get("q").get(0).id(), nudged.get("q").get(0).id());
    }

    @Test
    void earlyStoppingDoesNotCountALastBitImprovementOverDeltaAsProgress() {
        double delta = 0.01;
        assertEquals(1, EarlyStopping.staleIterations(List.of(-2.0, -2.0 + delta + NUDGE), delta));
        assertEquals(1, EarlyStopping.staleIterations(List.of(-2.0, -2.0 + delta - NUDGE), delta));
        assertEquals(0, EarlyStopping.staleIterations(List.of(-2.0, -2.0 + delta + 1e-4), delta));
    }

    @Test
    void comparableRoundsToAMillionthAndKeepsMeaningfulDifferences() {
        assertEquals(Scoring.comparable(-3.1234564), Scoring.comparable(-3.1234564 + NUDGE));
        assertNotEquals(Scoring.comparable(-3.123456), Scoring.comparable(-3.123458));
        assertEquals(Double.NEGATIVE_INFINITY, Scoring.comparable(Double.NEGATIVE_INFINITY));
    }
}
