package io.picaco.experiment.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's (1979) step-down adjustment of m p-values. Commons Statistics 1.1 has no multiple-comparison correction,
 * hence these few lines.
 *
 * <p>With p₍₁₎ ≤ … ≤ p₍ₘ₎ sorted ascending, the adjusted value of p₍ᵢ₎ is
 * {@code min(1, max_{j ≤ i} (m − j + 1) · p₍ⱼ₎)}; rejecting where it is ≤ α is exactly Holm's procedure
 * (the same values as R's {@code p.adjust(p, "holm")}).
 */
public final class Holm {

    private Holm() {
    }

    /** The Holm-adjusted p-values, in the order of the input. */
    public static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        // A stable sort keeps equal p-values in input order, so the result does not depend on sort internals.
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
