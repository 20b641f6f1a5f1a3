package io.picaco.experiment.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * A hand-computed cell: values a (weight 1) and b (weight 3), so a unit's score is (a + 3b)/4; two repeats of two
 * queries; PICACO above Q+IF above bare on every unit.
 *
 * <pre>
 *          unit:   r1/q1   r1/q2   r2/q1   r2/q2   mean    per value a, b   min   CV
 * picaco  (a,b)   (4,4)   (5,3)   (4,5)   (3,4)
 *         score   4.00    3.50    4.75    3.75    4.000   4.00, 4.00       4.0   0
 * q+if    (a,b)   (3,4)   (4,2)   (3,4)   (2,4)
 *         score   3.75    2.50    3.75    3.50    3.375   3.00, 3.50       3.0   0.25/3.25
 * bare    (a,b)   (2,3)   (3,2)   (2,2)   (1,3)
 *         score   2.75    2.25    2.00    2.50    2.375   2.00, 2.50       2.0   0.25/2.25
 * </pre>
 */
class CellStatisticsTest {
    private static final List<String> VALUES = List.of("a", "b");
    private static final Map<String, Double> WEIGHTS = Map.of("a", 1.0, "b", 3.0);
    private static final List<Unit> UNITS = List.of(new Unit(1, "q1"), new Unit(1, "q2"), new Unit(2, "q1"),
            new Unit(2, "q2"));

    @Test
    void pointEstimatesRanksAndFriedmanMatchTheHandComputation() {
        CellReport cell = CellStatistics.compute(VALUES, WEIGHTS, cell());

        assertEquals(4, cell.units());
        assertEquals(1, cell.unitsDropped(), "the unit only PICACO has is left out of every statistic");
        CellReport.Method picaco = cell.methods().get(0);
        CellReport.Method qif = cell.methods().get(1);
        CellReport.Method bare = cell.methods().get(2);
        assertEquals(List.of("picaco", "q+if", "bare"), cell.methods().stream().map(CellReport.Method::method).toList());
        assertEquals(4.0, picaco.mean(), 1e-12);
        assertEquals(3.375, qif.mean(), 1e-12);
        assertEquals(2.375, bare.mean(), 1e-12);
        assertEquals(Map.of("a", 3.0, "b", 3.5), qif.perValue());
        assertEquals(4.0, picaco.min(), 1e-12);
        assertEquals(3.0, qif.min(), 1e-12);
        assertEquals(0.0, picaco.cv(), 1e-12);
        assertEquals(0.25 / 3.25, qif.cv(), 1e-12);
        assertEquals(0.25 / 2.25, bare.cv(), 1e-12);
        assertEquals(0.2, picaco.redundancy(), 1e-12);
        assertNull(bare.redundancy(), "no redundancy supplied");
        // Every unit orders picaco > q+if > bare: mean ranks 1, 2, 3.
        assertEquals(1.0, picaco.meanRank(), 1e-12);
        assertEquals(2.0, qif.meanRank(), 1e-12);
        assertEquals(3.0, bare.meanRank(), 1e-12);
        // Rank sums (ascending) 12, 8, 4 around n(k+1)/2 = 8: χ² = 12·32/(4·3·4) = 8, p = exp(−4).
        assertEquals(8.0, cell.friedman().chi2(), 1e-12);
        assertEquals(2, cell.friedman().df());
        assertEquals(Math.exp(-4), cell.friedman().p(), 1e-12);
    }

    /**
     * Paired differences PICACO − method. q+if: 0.25, 1, 1, 0.25 (mean 0.625); bare: 1.25, 1.25, 2.75, 1.25 (mean
     * 1.625). All positive, W⁺ = 10 of n = 4, but tied, so the normal approximation with tie and continuity
     * corrections applies: Var = 4·5·9/24 − Σ(t³−t)/48, i.e. 7.5 − 12/48 = 7.25 for q+if (two pairs of ties) and
     * 7.5 − 24/48 = 7 for bare (one triple); z = (10 − 5 − 0.5)/√Var; p = 2(1 − Φ(z)). Holm: 2·p_bare ≥ p_q+if,
     * so both adjusted values are 2·p_bare.
     *
     * <p>The bare difference's bootstrap interval, by hand: repeat 1's differences are both 1.25, repeat 2's are
     * 2.75 and 1.25, so a stratified resample's mean is (2.5 + d₃ + d₄)/4 with d₃ + d₄ ∈ {2.5, 4, 5.5} with
     * probabilities ¼, ½, ¼: the 2.5 % and 97.5 % quantiles of 2,000 resamples are 1.25 and 2.0.
     */
    @Test
    void pairedComparisonsWithPicaco() {
        CellReport cell = CellStatistics.compute(VALUES, WEIGHTS, cell());
        CellReport.VsPicaco qif = cell.methods().get(1).vsPicaco();
        CellReport.VsPicaco bare = cell.methods().get(2).vsPicaco();
        NormalDistribution z = NormalDistribution.of(0, 1);
        double pQif = 2 * z.survivalProbability(4.5 / Math.sqrt(7.25));
        double pBare = 2 * z.survivalProbability(4.5 / Math.sqrt(7.0));

        assertNull(cell.methods().get(0).vsPicaco(), "PICACO is not compared with itself");
        assertEquals(0.625, qif.diff(), 1e-12);
        assertEquals(1.625, bare.diff(), 1e-12);
        assertEquals(pQif, qif.p(), 1e-12);
        assertEquals(pBare, bare.p(), 1e-12);
        assertEquals(2 * pBare, bare.pHolm(), 1e-12);
        assertEquals(2 * pBare, qif.pHolm(), 1e-12);
        assertEquals(List.of(1.25, 2.0), bare.ci());
        assertTrue(qif.ci().get(0) > 0, "PICACO beat q+if on every unit, so no resample shows a loss");
    }

    @Test
    void intervalsBracketTheirPointEstimates() {
        CellReport cell = CellStatistics.compute(VALUES, WEIGHTS, cell());

        for (CellReport.Method m : cell.methods()) {
            assertTrue(m.ci().get(0) <= m.mean() && m.mean() <= m.ci().get(1), m.method() + " mean " + m.ci());
            assertTrue(m.minCi().get(0) <= m.min() && m.min() <= m.minCi().get(1), m.method() + " min " + m.minCi());
            assertTrue(m.cvCi().get(0) >= 0 && m.cvCi().get(0) <= m.cvCi().get(1), m.method() + " cv " + m.cvCi());
        }
    }

    /** Reports must not depend on the order in which runs or units were collected. */
    @Test
    void sameRatingsInAnotherOrderGiveTheSameReport() {
        CellReport first = CellStatistics.compute(VALUES, WEIGHTS, cell());
        List<MethodRatings> shuffled = new ArrayList<>();
        for (MethodRatings m : cell()) {
            List<Unit> order = new ArrayList<>(m.perValue().keySet());
            Collections.shuffle(order, new Random(3));
            Map<Unit, Map<String, Double>> reordered = new LinkedHashMap<>();
            order.forEach(u -> reordered.put(u, m.perValue().get(u)));
            shuffled.add(new MethodRatings(m.method(), reordered, m.redundancy()));
        }

        assertEquals(first, CellStatistics.compute(VALUES, WEIGHTS, shuffled));
        assertEquals(first, CellStatistics.compute(VALUES, WEIGHTS, cell()));
    }

    @Test
    void withoutPicacoOrCompleteUnitsTheUndefinedFiguresAreNull() {
        List<MethodRatings> noPicaco = cell().subList(1, 3);
        CellReport cell = CellStatistics.compute(VALUES, WEIGHTS, noPicaco);
        assertNull(cell.methods().get(0).vsPicaco());
        assertEquals(1, cell.friedman().df(), "two methods: one degree of freedom");

        MethodRatings onlyOther = new MethodRatings("opro", Map.of(new Unit(3, "q9"), Map.of("a", 3.0, "b", 3.0)));
        CellReport empty = CellStatistics.compute(VALUES, WEIGHTS, List.of(cell().get(0), onlyOther));
        assertEquals(0, empty.units());
        assertNull(empty.friedman());
        assertNull(empty.methods().get(0).mean());
    }

    private static List<MethodRatings> cell() {
        Map<Unit, Map<String, Double>> picaco = ratings(new double[][] {{4, 4}, {5, 3}, {4, 5}, {3, 4}});
        // A unit that only PICACO has (say every judgment of the other methods on it failed).
        picaco.put(new Unit(2, "q3"), Map.of("a", 1.0, "b", 1.0));
        Map<Unit, Double> redundancy = new LinkedHashMap<>();
        UNITS.forEach(u -> redundancy.put(u, 0.2));
        return List.of(new MethodRatings("picaco", picaco, redundancy),
                new MethodRatings("q+if", ratings(new double[][] {{3, 4}, {4, 2}, {3, 4}, {2, 4}})),
                new MethodRatings("bare", ratings(new double[][] {{2, 3}, {3, 2}, {2, 2}, {1, 3}})));
    }

    private static Map<Unit, Map<String, Double>> ratings(double[][] ab) {
        Map<Unit, Map<String, Double>> out = new LinkedHashMap<>();
        for (int i = 0; i < ab.length; i++) {
            out.put(UNITS.get(i), Map.of("a", ab[i][0], "b", ab[i][1]));
        }
        return out;
    }
}
