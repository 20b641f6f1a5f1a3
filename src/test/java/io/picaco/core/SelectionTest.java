package io.picaco.core;

import static io.picaco.core.ObjectiveTest.SPEC;
import static io.picaco.core.ObjectiveTest.r;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SelectionTest {

    @Test
    void bestJHatWinsAndRankingIsBestFirst() {
        var inc = new Selection.Candidate("e0", List.of(r("a", "q", 3, 1, 0)));
        var good = new Selection.Candidate("c1", List.of(r("b", "q", 4, 4, 0)));
        var none = new Selection.Candidate("c2", List.of(new ScoredResponse("c", "q", null, 0.0)));
        Selection.Result res = Selection.select(List.of(inc, none, good), "e0", Map.of(), SPEC);
        assertEquals("c1", res.selected());
        assertEquals(List.of("c1", "e0", "c2"), res.ranking().stream().map(InstructionScore::id).toList());
    }

    @Test
    void incumbentKeepsItsPlaceOnATie() {
        var inc = new Selection.Candidate("e0", List.of(r("a", "q", 4, 4, 0)));
        var same = new Selection.Candidate("c1", List.of(r("b", "q", 4, 4, 0)));
        assertEquals("e0", Selection.select(List.of(same, inc), "e0", Map.of(), SPEC).selected());
    }

    @Test
    void incumbentIsJudgedOnAllItsSamples() {
        // One lucky sample would beat c1, but averaged with its earlier poor sample it does not.
        var inc = new Selection.Candidate("e0", List.of(r("old", "q", 2, 2, 0), r("new", "q", 5, 5, 0)));
        var c1 = new Selection.Candidate("c1", List.of(r("b", "q", 4, 4, 0)));
        // e0: mean τ = (2 ln .25 + 2 ln .98)/2 - ln .5 ; c1: 2 ln .75 - ln .5
        Selection.Result res = Selection.select(List.of(inc, c1), "e0", Map.of(), SPEC);
        assertEquals("c1", res.selected());
        assertEquals(Math.log(0.25) + Math.log(0.98) - Math.log(0.5), res.ranking().get(1).jHat(), 1e-12);
    }
}
