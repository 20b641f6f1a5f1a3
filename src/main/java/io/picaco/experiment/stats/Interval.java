package io.picaco.experiment.stats;

import java.util.List;

/** A confidence interval {@code [lo, hi]}. */
public record Interval(double lo, double hi) {

    /** The JSON shape of ARCHITECTURE.md ({@code "ci": [lo, hi]}). */
    public List<Double> asList() {
        return List.of(lo, hi);
    }

    public boolean contains(double x) {
        return lo <= x && x <= hi;
    }

    public boolean excludesZero() {
        return lo > 0 || hi < 0;
    }
}
