package io.picaco.conductor;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.PicacoConfig;
import io.picaco.store.Run;
import io.picaco.store.RunStatus;
import io.picaco.store.StepExecution;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Ends a phase whose work is all done: fails the run if too little of it succeeded, else moves it on through the
 * transition table, in one transaction under the run's lock.
 */
@ApplicationScoped
class PhaseCompletion {
    @Inject
    RunLedger ledger;
    @Inject
    PicacoConfig config;

    void complete(Snapshot s) {
        complete(s, run -> {
        }, false);
    }

    /** @param beforeMoving what the phase writes last (e.g. the noisy pool), in the same transaction */
    void complete(Snapshot s, Consumer<Run> beforeMoving, boolean stop) {
        QuarkusTransaction.requiringNew().run(() -> {
            Run run = ledger.lockIfAt(s.runId(), s.phase(), s.iteration());
            if (run == null) {
                return;
            }
            failIfTooFewSucceeded(run, s);
            if (run.status == RunStatus.RUNNING) {
                beforeMoving.accept(run);
                Transitions.completed(run, s.method(), stop);
            }
        });
    }

    /**
     * A phase goes on when at least {@code picaco.models.min-success} of its items succeeded (failed ones are left
     * out of every mean); below that the run fails with the reason rather than optimise on too little.
     */
    private void failIfTooFewSucceeded(Run run, Snapshot s) {
        List<StepExecution> execs = StepExecution.list("runId = ?1 and phase = ?2 and iteration = ?3", run.id,
                s.phase().name(), s.iteration());
        long items = execs.stream().mapToLong(e -> e.items).sum();
        long failed = execs.stream().mapToLong(e -> e.failedItems).sum();
        if (items > 0 && items - failed < config.models().minSuccess() * items) {
            run.status = RunStatus.FAILED;
            run.error = failed + " of " + items + " items of " + s.phase() + " (iteration " + s.iteration()
                    + ") failed, more than picaco.models.min-success allows; last error: "
                    + execs.stream().map(e -> e.error).filter(Objects::nonNull).reduce((a, b) -> b).orElse("unknown");
            run.finishedAt = java.time.Instant.now();
        }
    }
}
