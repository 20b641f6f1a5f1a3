package io.picaco.conductor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.picaco.core.Pools;
import io.picaco.store.ResponseRow;

/**
 * b(x) per query key. Training queries: the noisy pool. Held-out queries (our choice): the bare model's own
 * evaluation responses, since the optimization never sees those queries.
 */
public final class Baselines {
    private Baselines() {
    }

    public static Map<String, Double> of(List<ResponseRow> rows, Long bareId) {
        Map<String, List<Pools.BareResponse>> pool = new LinkedHashMap<>();
        rows.stream()
                .filter(r -> r.redundancy != null && (ResponseRow.NOISY.equals(r.pool)
                        || (ResponseRow.TEST.equals(r.split) && r.instructionId.equals(bareId))))
                .forEach(r -> pool.computeIfAbsent(r.queryKey(), k -> new ArrayList<>())
                        .add(new Pools.BareResponse(r.id.toString(), r.queryKey(), r.redundancy)));
        return Pools.baselines(pool);
    }
}
