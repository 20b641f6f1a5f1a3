package io.picaco.experiment.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.picaco.core.ObjectiveSpec;
import io.picaco.core.ScoredResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitRatingsTest {
    private static final ObjectiveSpec SPEC = new ObjectiveSpec(1.0, List.of("a", "b"), Map.of("a", 1.0, "b", 3.0));

    /**
     * Query q1 has two valid samples (a: 4 and 2 → 3; b: 5 and 3 → 4), q2 one valid sample (a 5, b 1) and one whose
     * judgment failed, which is left out. Weights 1:3, so the unit scores are (3 + 12)/4 = 3.75 and (5 + 3)/4 = 2.
     */
    @Test
    void unitsAreQueriesWithTheMeanOverTheirValidSamples() {
        List<ScoredResponse> heldOut = List.of(
                new ScoredResponse("r1", "q1", Map.of("a", 4.0, "b", 5.0), 0.1),
                new ScoredResponse("r2", "q1", Map.of("a", 2.0, "b", 3.0), 0.3),
                new ScoredResponse("r3", "q2", Map.of("a", 5.0, "b", 1.0), 0.5),
                new ScoredResponse("r4", "q2", null, 0.9));

        MethodRatings units = UnitRatings.of("picaco", Map.of(2, heldOut), SPEC);

        assertEquals(Map.of("a", 3.0, "b", 4.0), units.perValue().get(new Unit(2, "q1")));
        assertEquals(Map.of("a", 5.0, "b", 1.0), units.perValue().get(new Unit(2, "q2")));
        assertEquals(0.2, units.redundancy().get(new Unit(2, "q1")), 1e-12);
        assertEquals(0.5, units.redundancy().get(new Unit(2, "q2")), 1e-12);

        MeanInterval run = UnitRatings.runInterval(heldOut, SPEC);
        assertEquals((3.75 + 2.0) / 2, run.mean(), 1e-12);
        // Two units: every resampled mean is 2, 2.875 or 3.75, so the interval is [2, 3.75].
        assertEquals(new Interval(2.0, 3.75), run.ci());
    }

    @Test
    void aRunWithoutAnyValidJudgmentHasNoInterval() {
        assertNull(UnitRatings.runInterval(List.of(new ScoredResponse("r", "q", null, 0.1)), SPEC));
    }
}
