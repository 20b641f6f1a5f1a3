package io.picaco.experiment.stats;

import java.util.Comparator;
import java.util.Objects;

/**
 * A unit of analysis (ALGORITHM.md, "Evaluation of an experiment"): one held-out query of one repeat. Units sort by
 * repeat, then query id, so a cell's units always come in the same order whatever order they were collected in.
 */
public record Unit(int repeat, String queryId) implements Comparable<Unit> {
    private static final Comparator<Unit> ORDER = Comparator.comparingInt(Unit::repeat).thenComparing(Unit::queryId);

    public Unit {
        Objects.requireNonNull(queryId, "queryId");
    }

    @Override
    public int compareTo(Unit other) {
        return ORDER.compare(this, other);
    }
}
