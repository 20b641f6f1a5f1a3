package io.picaco.core;

import static io.picaco.core.ObjectiveTest.SPEC;
import static io.picaco.core.ObjectiveTest.r;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PoolsTest {

    @Test
    void alignedPoolKeepsTopTauPerQuery() {
        List<ScoredResponse> rs = List.of(r("low", "q1", 2, 2, 0), r("high", "q1", 5, 4, 0),
                r("mid", "q1", 4, 4, 0), r("parrot", "q1", 5, 4, 0.9), r("other", "q2", 1, 1, 0),
                new ScoredResponse("failed", "q2", null, 0.0));
        // τ: high = ln .98 + ln .75 - ln .5 = 0.3728; parrot = same conformity - ln .95 = -0.2690;
        // mid = 2 ln .75 + ln 2 = 0.1178; low = 2 ln .25 + ln 2 = -2.079
        Map<String, List<String>> pool = Pools.aligned(rs, SPEC, 2);
        assertEquals(List.of("high", "mid"), pool.get("q1"));
        assertEquals(List.of("other"), pool.get("q2"));
    }

    @Test
    void tiesGoToTheEarlierNumericIdNotTheLexicographicOne() {
        List<ScoredResponse> rs = List.of(r("100", "q", 4, 4, 0), r("99", "q", 4, 4, 0), r("7", "q", 4, 4, 0));
        assertEquals(List.of("7", "99"), Pools.aligned(rs, SPEC, 2).get("q"));
        assertEquals(List.of("b", "c"), Pools.aligned(List.of(r("c", "q", 4, 4, 0), r("b", "q", 4, 4, 0),
                r("d", "q", 4, 4, 0)), SPEC, 2).get("q"));
    }

    @Test
    void noisyPoolKeepsMostSimilarBareResponsesAndGivesBaselines() {
        var pool = Pools.noisy(List.of(new Pools.BareResponse("a", "q", 0.2), new Pools.BareResponse("b", "q", 0.6),
                new Pools.BareResponse("c", "q", 0.4)), 2);
        assertEquals(List.of("b", "c"), pool.get("q").stream().map(Pools.BareResponse::id).toList());
        // b(q) = (ln .8 + ln .7) / 2
        assertEquals((Math.log(0.8) + Math.log(0.7)) / 2, Pools.baselines(pool).get("q"), 1e-12);
    }
}
