package io.picaco.conductor;

import java.time.Instant;

import io.picaco.store.Run;
import io.picaco.store.RunStatus;

/**
 * The one transition table: which phase follows a completed one. Phases never set the next phase themselves; they
 * say their work is complete (and, for select, whether the run stops), and the table moves the run on.
 */
final class Transitions {
    private Transitions() {
    }

    /**
     * Moves a run whose current phase is complete to the phase after it.
     *
     * @param stop only read after SELECT: true when the last iteration ran or early stopping fired
     */
    static void completed(Run run, Method method, boolean stop) {
        switch (run.phase) {
            case QUEUED -> {
                run.status = RunStatus.RUNNING;
                run.startedAt = Instant.now();
                to(run, method.firstPhase(), 0);
            }
            case NOISY_SAMPLE -> run.phase = Phase.NOISY_SCORE;
            case NOISY_SCORE -> to(run, Phase.SAMPLE, 0);
            case PROPOSE -> run.phase = Phase.SAMPLE;
            case SAMPLE -> run.phase = Phase.SCORE;
            case SCORE -> run.phase = Phase.SELECT;
            case SELECT -> {
                if (stop) {
                    run.phase = Phase.EVAL_SAMPLE;
                } else {
                    to(run, Phase.PROPOSE, run.iteration + 1);
                }
            }
            case EVAL_SAMPLE -> run.phase = Phase.EVAL_SCORE;
            case EVAL_SCORE -> {
                run.phase = Phase.FINISHED;
                run.status = run.budgetStopped ? RunStatus.BUDGET_EXHAUSTED : RunStatus.DONE;
                run.finishedAt = Instant.now();
            }
            case FINISHED -> throw new IllegalStateException("run " + run.id + " already finished");
        }
    }

    /**
     * The budget does not cover the next unit: evaluate the best instruction so far when the budget still covers
     * that, otherwise stop at once.
     */
    static void budgetReached(Run run, boolean evaluationFits, String why) {
        run.budgetStopped = true;
        run.error = why;
        if (evaluationFits && !run.phase.evaluating()) {
            run.phase = Phase.EVAL_SAMPLE;
        } else {
            run.status = RunStatus.BUDGET_EXHAUSTED;
            run.finishedAt = Instant.now();
        }
    }

    private static void to(Run run, Phase phase, int iteration) {
        run.phase = phase;
        run.iteration = iteration;
    }
}
