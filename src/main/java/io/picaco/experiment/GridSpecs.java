package io.picaco.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.picaco.AppJson;
import io.picaco.conductor.RunSpec;
import io.picaco.core.QuerySets;
import io.picaco.validation.Checks;
import io.picaco.validation.ValidationException;

/** The pure parts of planning a grid: held-out queries, budget shares, spec copies and list checks. */
final class GridSpecs {
    private GridSpecs() {
    }

    /**
     * The held-out queries of an out-of-distribution check: {@code heldOut} queries of {@code querySet} drawn with
     * the repeat's seed, leaving out any the run trains on.
     */
    static List<String> outOfDistribution(String querySet, RunSpec spec, int heldOut, long seed) {
        Set<String> training = new HashSet<>(spec.training());
        List<String> pool = new ArrayList<>(QuerySets.load(querySet).stream().filter(q -> !training.contains(q))
                .distinct().toList());
        if (pool.size() < heldOut) {
            throw ValidationException.of("evaluation.heldOut", "query set '" + querySet + "' has only " + pool.size()
                    + " queries outside the training queries");
        }
        Collections.shuffle(pool, new Random(seed));
        return List.copyOf(pool.subList(0, heldOut));
    }

    /** The run budget that is this run's share of the grid's, each limit rounded down. */
    static RunSpec.Budget share(ExperimentRequest.Budget grid, double callShare, double tokenShare,
            double costShare) {
        return new RunSpec.Budget(
                grid.maxCalls() == null ? null : Math.max(1, (long) Math.floor(grid.maxCalls() * callShare)),
                grid.maxTokens() == null ? null : Math.max(1, (long) Math.floor(grid.maxTokens() * tokenShare)),
                grid.maxCost() == null ? null : grid.maxCost() * costShare);
    }

    static RunSpec withHeldOut(RunSpec spec, List<String> heldOut) {
        return with(spec, "heldOut", heldOut);
    }

    /**
     * A copy of a spec with one field replaced, through its JSON form (the form it is stored in), so that fields
     * added to RunSpec later are carried over untouched.
     */
    @SuppressWarnings("unchecked")
    static RunSpec with(RunSpec spec, String field, Object value) {
        Map<String, Object> fields = AppJson.lenient().convertValue(spec, Map.class);
        fields.put(field, AppJson.lenient().convertValue(value, Object.class));
        return AppJson.lenient().convertValue(fields, RunSpec.class);
    }

    /** The distinct entries of a list, each checked against {@code known} when given. */
    static List<String> distinct(Checks c, List<String> list, String field, List<String> known, String what) {
        List<String> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        c.require(!list.isEmpty(), field, "must list at least one " + what);
        c.require(list.size() <= 20, field, "must list at most 20 entries");
        for (int i = 0; i < list.size() && i < 20; i++) {
            String m = list.get(i);
            if (!c.require(m != null && !m.isBlank(), field + "[" + i + "]", "must not be empty")) {
                continue;
            }
            if (known != null && !c.require(known.contains(m), field + "[" + i + "]", "unknown " + what + " '" + m
                    + "'; known: " + String.join(", ", known))) {
                continue;
            }
            if (c.require(!out.contains(m), field + "[" + i + "]", "'" + m + "' is listed twice")) {
                out.add(m);
            }
        }
        return out;
    }

    static void range(Checks c, Number value, double min, double max, String field) {
        if (value != null) {
            c.require(value.doubleValue() >= min && value.doubleValue() <= max, field,
                    "must be between " + (long) min + " and " + (long) max);
        }
    }
}
