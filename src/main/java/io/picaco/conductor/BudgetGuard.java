package io.picaco.conductor;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.llm.Judge;
import io.picaco.llm.Role;
import io.picaco.models.EndpointConfig;
import io.picaco.models.ModelEndpoints;
import io.picaco.store.Run;
import io.picaco.store.RunSpend;
import io.picaco.store.StepExecution;

/**
 * Reserves a run's budget before each unit of work. What a unit will cost is judged from the run's own calls so
 * far (tokens and cost per call, by role), or from typical sizes before there are any. During optimization the
 * cost of the held-out evaluation is kept in reserve, so a run stopped by its budget can still be evaluated.
 */
@ApplicationScoped
public class BudgetGuard {
    static final long TYPICAL_TARGET_TOKENS = 450;
    static final long TYPICAL_JUDGE_TOKENS = 900;
    static final long TYPICAL_OPTIMIZER_TOKENS = 4500;

    @Inject
    ModelEndpoints endpoints;

    /** Calls, tokens and US dollars. */
    public record Spend(double calls, double tokens, double cost) {
        static final Spend ZERO = new Spend(0, 0, 0);

        Spend plus(Spend o) {
            return new Spend(calls + o.calls, tokens + o.tokens, cost + o.cost);
        }

        boolean within(RunSpec.Budget b) {
            return (b.maxCalls() == null || calls <= b.maxCalls())
                    && (b.maxTokens() == null || tokens <= b.maxTokens())
                    && (b.maxCost() == null || cost <= b.maxCost() + 1e-12);
        }
    }

    /**
     * What the run has used so far, from {@link RunSpend}: requests cut off by a crash count too (estimated), so the
     * limits hold across crashes. Call inside a transaction.
     */
    public Spend spent(String runId) {
        double calls = 0, tokens = 0, cost = 0;
        for (RunSpend.Part p : RunSpend.of(List.of(runId))) {
            calls += p.calls();
            tokens += p.inputTokens() + p.outputTokens();
            cost += p.cost();
        }
        return new Spend(calls, tokens, cost);
    }

    /** The expected cost of {@code calls} calls in a role; call inside a transaction. */
    public Spend expected(String runId, RunSpec spec, Role role, long calls) {
        List<StepExecution> history = StepExecution.list("runId = ?1 and role = ?2 and calls > 0", runId,
                role.configName());
        long done = history.stream().mapToLong(s -> s.calls).sum();
        if (done > 0) {
            double tokens = history.stream().mapToLong(s -> s.inputTokens + s.outputTokens).sum() / (double) done;
            double cost = history.stream().mapToDouble(s -> s.cost).sum() / done;
            return new Spend(calls, calls * tokens, calls * cost);
        }
        long tokens = switch (role) {
            case TARGET -> TYPICAL_TARGET_TOKENS + spec.seedInstruction().length() / 4;
            case JUDGE, EVALUATOR -> TYPICAL_JUDGE_TOKENS;
            case OPTIMIZER -> TYPICAL_OPTIMIZER_TOKENS;
        };
        EndpointConfig e = endpoints.require(spec.endpoint(role));
        double cost = e.cost(Math.round(tokens * 0.7), Math.round(tokens * 0.3));
        return new Spend(calls, calls * tokens, calls * cost);
    }

    /** What the held-out evaluation of bare, seed and optimized instructions will cost. */
    public Spend evaluationReserve(String runId, RunSpec spec, boolean seedIsBest) {
        long responses = (seedIsBest ? 2L : 3L) * spec.heldOut().size() * spec.evalSamples();
        long judgeCalls = responses * (Judge.PER_VALUE.equals(spec.judgeMode()) ? spec.values().size() : 1);
        return expected(runId, spec, Role.TARGET, responses).plus(expected(runId, spec, Role.JUDGE, judgeCalls));
    }
}
