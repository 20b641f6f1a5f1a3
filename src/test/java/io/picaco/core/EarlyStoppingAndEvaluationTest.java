package io.picaco.core;

import static io.picaco.core.ObjectiveTest.SPEC;
import static io.picaco.core.ObjectiveTest.r;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EarlyStoppingAndEvaluationTest {

    @Test
    void stopsAfterPatienceIterationsWithoutImprovementAboveDelta() {
        EarlyStopping stop = new EarlyStopping(0.01, 3);
        assertFalse(stop.shouldStop(List.of(-3.0, -2.0, -2.005, -2.0)));     // 2 stale
        assertTrue(stop.shouldStop(List.of(-3.0, -2.0, -2.005, -2.0, -1.995))); // 3 stale: +0.005 <= δ
        assertFalse(stop.shouldStop(List.of(-3.0, -2.0, -2.005, -2.0, -1.9))); // improved by 0.1
        assertEquals(0, EarlyStopping.staleIterations(List.of(-1.0), 0.01));
    }

    @Test
    void summaryReportsMeanMinCvAndRedundancy() {
        // per-value means: t = (3+5)/2 = 4, c = (1+3)/2 = 2; mean 3; population std 1; CV 1/3
        EvaluationSummary s = EvaluationSummary.of(List.of(r("a", "q", 3, 1, 0.2), r("b", "q", 5, 3, 0.4),
                new ScoredResponse("f", "q", null, 0.9)), Map.of("q", -0.1), SPEC);
        assertEquals(4.0, s.perValue().get("t"), 1e-12);
        assertEquals(2.0, s.perValue().get("c"), 1e-12);
        assertEquals(3.0, s.mean(), 1e-12);
        assertEquals(2.0, s.min(), 1e-12);
        assertEquals(1.0 / 3.0, s.cv(), 1e-12);
        assertEquals(0.3, s.redundancy(), 1e-12);
        assertEquals(1, s.failed());
        double ta = Math.log(0.5) + Math.log(0.02) - Math.log(0.6);
        double tb = Math.log(0.98) + Math.log(0.5) - Math.log(0.7);
        assertEquals((ta + tb) / 2 - 0.1, s.jHat(), 1e-12);
    }

    @Test
    void splitIsReproducibleAndDisjoint() {
        List<String> qs = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        QuerySplit s1 = QuerySplit.of(qs, 0.2, 5, 42);
        QuerySplit s2 = QuerySplit.of(qs, 0.2, 5, 42);
        assertEquals(s1, s2);
        assertEquals(2, s1.heldOut().size());
        assertEquals(5, s1.training().size());
        assertTrue(s1.training().stream().noneMatch(s1.heldOut()::contains));
        assertEquals(3, QuerySplit.heldOutCount(10, 3));
        assertEquals(16, QuerySplit.heldOutCount(80, 0.2));
        assertEquals(2, QuerySplit.heldOutCount(4, 0.2)); // at least 2
    }

    @Test
    void builtInCompositionsAndQuerySetsAreComplete() {
        assertEquals(6, BuiltInCompositions.all().size());
        for (Composition c : BuiltInCompositions.all()) {
            assertTrue(QuerySets.load(c.querySet()).size() >= 64, c.id());
            c.values().forEach(v -> assertTrue(v.definition().length() <= 400, v.id()));
        }
        assertEquals(8, BuiltInCompositions.find("hh-balance-8").orElseThrow().values().size());
        assertEquals(2, BuiltInCompositions.find("hh-balance-8").orElseThrow().tensions().size());
        assertEquals(6, BuiltInCompositions.find("schwartz-10").orElseThrow().tensions().size());
    }
}
