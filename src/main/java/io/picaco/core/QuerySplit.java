package io.picaco.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Splits a query set into held-out and training parts, reproducibly from the run seed. */
public record QuerySplit(List<String> training, List<String> heldOut) {

    /**
     * @param heldOutSpec a share when below 1 (rounded, at least 2), otherwise a count
     * @param maxTraining at most this many training queries are kept (the rest are unused)
     */
    public static QuerySplit of(List<String> queries, double heldOutSpec, int maxTraining, long seed) {
        List<String> shuffled = new ArrayList<>(queries);
        Collections.shuffle(shuffled, new Random(seed));
        int test = heldOutCount(queries.size(), heldOutSpec);
        List<String> heldOut = List.copyOf(shuffled.subList(0, test));
        List<String> rest = shuffled.subList(test, shuffled.size());
        return new QuerySplit(List.copyOf(rest.subList(0, Math.min(maxTraining, rest.size()))), heldOut);
    }

    public static int heldOutCount(int total, double heldOutSpec) {
        return heldOutSpec < 1 ? Math.max(2, (int) Math.round(total * heldOutSpec)) : (int) heldOutSpec;
    }
}
