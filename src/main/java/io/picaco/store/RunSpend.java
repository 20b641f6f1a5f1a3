package io.picaco.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What runs paid for, by role and phase: the request ledger ({@link ModelRequest}) for calls made in this
 * process's steps, including requests whose results a crash lost (their tokens estimated), plus what step
 * executions that ran elsewhere (remote steps, not ledgered) reported. Cache hits and latencies stay with the step
 * executions. Call inside a transaction.
 */
public final class RunSpend {
    private RunSpend() {
    }

    /** One (run, role, phase) share of spend; {@code role} is null for embedding-only steps. */
    public record Part(String runId, String role, String phase, long calls, long failures, long retries,
            long inputTokens, long outputTokens, double cost, long estimatedCalls) {
    }

    private static final String LEDGER = "select r.runId, r.role, r.phase, count(r), "
            + "sum(case when r.status = 'FAILED' then 1 else 0 end), sum(r.attempts - 1), sum(r.inputTokens), "
            + "sum(r.outputTokens), sum(r.cost), sum(case when r.estimated = true then 1 else 0 end) "
            + "from ModelRequest r where r.runId in ?1 group by r.runId, r.role, r.phase";
    private static final String REPORTED = "select s.runId, s.role, s.phase, sum(s.calls), sum(s.failures), "
            + "sum(s.retries), sum(s.inputTokens), sum(s.outputTokens), sum(s.cost), 0 "
            + "from StepExecution s where s.runId in ?1 and s.ledgered = false group by s.runId, s.role, s.phase";

    public static List<Part> of(Collection<String> runIds) {
        List<Part> out = new ArrayList<>();
        if (runIds.isEmpty()) {
            return out;
        }
        for (String q : List.of(LEDGER, REPORTED)) {
            ModelRequest.getEntityManager().createQuery(q, Object[].class).setParameter(1, List.copyOf(runIds))
                    .getResultList().forEach(r -> out.add(new Part((String) r[0], (String) r[1], (String) r[2],
                            n(r[3]), n(r[4]), n(r[5]), n(r[6]), n(r[7]), r[8] == null ? 0 : ((Number) r[8])
                                    .doubleValue(), n(r[9]))));
        }
        return out;
    }

    /** Calls and tokens of every run, for lists. */
    public static Map<String, long[]> callsAndTokensByRun() {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (String q : List.of("select r.runId, count(r), sum(r.inputTokens + r.outputTokens) from ModelRequest r "
                + "group by r.runId", "select s.runId, sum(s.calls), sum(s.inputTokens + s.outputTokens) "
                        + "from StepExecution s where s.ledgered = false group by s.runId")) {
            ModelRequest.getEntityManager().createQuery(q, Object[].class).getResultList().forEach(r -> {
                long[] t = out.computeIfAbsent((String) r[0], k -> new long[2]);
                t[0] += n(r[1]);
                t[1] += n(r[2]);
            });
        }
        return out;
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
