package io.picaco.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ObjectiveTest {
    static final ObjectiveSpec SPEC = new ObjectiveSpec(1.0, List.of("t", "c"), null);

    static ScoredResponse r(String id, String q, double t, double c, double cos) {
        return new ScoredResponse(id, q, Map.of("t", t, "c", c), cos);
    }

    @Test
    void jHatAveragesTauPerQueryThenAddsBaselineThenAveragesQueries() {
        // q1: two responses; q2: one.
        // τ(r1) = ln .5 + ln .75 - ln .6   (ratings 3,4; cos .2 -> q_φ .6)
        // τ(r2) = ln .98 + ln .02 - ln .5  (ratings 5,1; cos 0)
        // τ(r3) = 2 ln .75 - ln .7         (ratings 4,4; cos .4)
        double t1 = Math.log(0.5) + Math.log(0.75) - Math.log(0.6);
        double t2 = Math.log(0.98) + Math.log(0.02) - Math.log(0.5);
        double t3 = 2 * Math.log(0.75) - Math.log(0.7);
        double expected = (((t1 + t2) / 2 + (-0.4)) + (t3 + 0.0)) / 2; // b(q2) missing = 0
        InstructionScore s = Objective.score("e", List.of(r("r1", "q1", 3, 4, .2), r("r2", "q1", 5, 1, 0),
                r("r3", "q2", 4, 4, .4)), Map.of("q1", -0.4), SPEC);
        assertEquals(expected, s.jHat(), 1e-12);
        assertEquals((3 + 5 + 4) / 3.0, s.perValue().get("t"), 1e-12);
        assertEquals((4 + 1 + 4) / 3.0, s.perValue().get("c"), 1e-12);
        assertEquals(3, s.samples());
    }

    @Test
    void failedJudgmentsLeaveEveryMean() {
        Map<String, Double> partial = new HashMap<>();
        partial.put("t", 5.0);
        partial.put("c", null);
        List<ScoredResponse> rs = List.of(r("ok", "q1", 2, 2, 0),
                new ScoredResponse("failed", "q1", null, 0.9),
                new ScoredResponse("partial", "q2", partial, 0.1),
                new ScoredResponse("noEmbedding", "q2", Map.of("t", 5.0, "c", 5.0), null));
        InstructionScore s = Objective.score("e", rs, Map.of(), SPEC);
        assertEquals(2 * Math.log(0.25) - Math.log(0.5), s.jHat(), 1e-12); // only "ok", only q1
        assertEquals(2.0, s.perValue().get("t"), 1e-12);
        assertEquals(1, s.samples());
    }

    @Test
    void noValidResponseMeansNoScore() {
        InstructionScore s = Objective.score("e", List.of(new ScoredResponse("x", "q", null, 0.0)), Map.of(), SPEC);
        assertNull(s.jHat());
        assertEquals(0, s.samples());
    }
}
