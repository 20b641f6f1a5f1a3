package io.picaco.web;

import io.picaco.conductor.Phase;
import io.picaco.store.RunStatus;

/**
 * How far a run is, as a share of its steps: bootstrap (2), iteration 0 (sample, score, select), four steps per
 * iteration 1..T, evaluation (2). Early stopping jumps straight to evaluation.
 */
public final class Progress {
    private Progress() {
    }

    public static int percent(RunStatus status, String phase, int iteration, int iterations) {
        if (status == RunStatus.DONE) {
            return 100;
        }
        int total = 2 + 3 + 4 * iterations + 2;
        int done = switch (Phase.valueOf(phase)) {
            case QUEUED -> 0;
            case NOISY_SAMPLE -> 0;
            case NOISY_SCORE -> 1;
            case PROPOSE -> iteration == 0 ? 2 : 5 + 4 * (iteration - 1);
            case SAMPLE -> iteration == 0 ? 2 : 5 + 4 * (iteration - 1) + 1;
            case SCORE -> iteration == 0 ? 3 : 5 + 4 * (iteration - 1) + 2;
            case SELECT -> iteration == 0 ? 4 : 5 + 4 * (iteration - 1) + 3;
            case EVAL_SAMPLE -> 5 + 4 * iterations;
            case EVAL_SCORE -> 6 + 4 * iterations;
            case FINISHED -> total;
        };
        return (int) Math.min(100, Math.round(100.0 * done / total));
    }

    /** A short human label of the phase. */
    public static String phaseLabel(String phase) {
        return switch (Phase.valueOf(phase)) {
            case QUEUED -> "waiting to start";
            case NOISY_SAMPLE -> "bootstrap: sampling bare responses";
            case NOISY_SCORE -> "bootstrap: scoring the noisy pool";
            case PROPOSE -> "proposing candidates";
            case SAMPLE -> "sampling responses";
            case SCORE -> "judging responses";
            case SELECT -> "selecting the best";
            case EVAL_SAMPLE -> "evaluation: sampling held-out responses";
            case EVAL_SCORE -> "evaluation: judging held-out responses";
            case FINISHED -> "finished";
        };
    }

    public static boolean live(RunStatus status) {
        return !status.finished();
    }
}
