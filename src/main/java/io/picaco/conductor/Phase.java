package io.picaco.conductor;

/**
 * Where a run is. Bootstrap builds the noisy pool; iteration 0 samples, scores and selects the seed instruction;
 * iterations 1..T propose, sample, score and select; evaluation samples and scores the held-out set. Which phase
 * follows which is written once, in {@link Transitions}; stored by name on the run row.
 */
public enum Phase {
    QUEUED, NOISY_SAMPLE, NOISY_SCORE, PROPOSE, SAMPLE, SCORE, SELECT, EVAL_SAMPLE, EVAL_SCORE, FINISHED;

    public boolean evaluating() {
        return this == EVAL_SAMPLE || this == EVAL_SCORE;
    }
}
