package io.picaco.conductor;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.llm.Role;
import io.picaco.store.Run;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Reserves budget for the next unit of work. When it does not fit, the run stops cleanly: to the held-out evaluation
 * of its best instruction if the budget still covers that, otherwise as BUDGET_EXHAUSTED at once.
 */
@ApplicationScoped
class BudgetGate {
    @Inject
    RunLedger ledger;
    @Inject
    BudgetGuard budget;

    boolean allows(Snapshot s, Role role, long calls) {
        RunSpec.Budget b = s.spec().budget();
        if (b == null || !b.any() || calls == 0) {
            return true;
        }
        boolean evaluating = s.phase().evaluating();
        return QuarkusTransaction.requiringNew().call(() -> {
            Run run = ledger.lockIfAt(s.runId(), s.phase(), s.iteration());
            if (run == null) {
                return false;
            }
            BudgetGuard.Spend spent = budget.spent(run.id);
            BudgetGuard.Spend next = budget.expected(run.id, s.spec(), role, calls);
            BudgetGuard.Spend reserve = evaluating ? BudgetGuard.Spend.ZERO
                    : budget.evaluationReserve(run.id, s.spec(), run.incumbentId.equals(run.seedId));
            if (spent.plus(next).plus(reserve).within(b)) {
                return true;
            }
            Transitions.budgetReached(run, spent.plus(reserve).within(b), String.format(Locale.ROOT,
                    "budget reached at %s (iteration %d): used %.0f calls, %.0f tokens, $%.4f", s.phase(),
                    s.iteration(), spent.calls(), spent.tokens(), spent.cost()));
            return false;
        });
    }
}
