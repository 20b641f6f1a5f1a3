package io.picaco.experiment.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class HolmTest {

    /**
     * Source: Wikipedia, "Holm–Bonferroni method", Example: four hypotheses at α = 0.05 with unadjusted p-values
     * p₁ = 0.01, p₂ = 0.04, p₃ = 0.03, p₄ = 0.005; Holm rejects H₁ and H₄ only (0.005 &lt; 0.05/4, 0.01 &lt; 0.05/3,
     * but 0.03 &gt; 0.05/2, which stops the procedure).
     *
     * <p>Adjusted by hand (sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04, then a running
     * maximum): 0.02, 0.03, 0.06, 0.06; in input order (0.03, 0.06, 0.06, 0.02), as R's p.adjust(p, "holm").
     */
    @Test
    void wikipediaExample() {
        double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});

        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, adjusted, 1e-12);
        boolean[] rejected = new boolean[4];
        for (int i = 0; i < 4; i++) {
            rejected[i] = adjusted[i] <= 0.05;
        }
        assertArrayEquals(new boolean[] {true, false, false, true}, rejected, "Holm rejects H1 and H4");
    }

    @Test
    void adjustedValuesAreCappedAtOneAndASingleTestIsUnchanged() {
        assertArrayEquals(new double[] {1.0, 1.0}, Holm.adjust(new double[] {0.6, 0.5}), 1e-12);
        assertArrayEquals(new double[] {0.2}, Holm.adjust(new double[] {0.2}), 0.0);
        assertArrayEquals(new double[0], Holm.adjust(new double[0]), 0.0);
    }
}
