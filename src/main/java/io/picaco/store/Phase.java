package io.picaco.store;

/**
 * Where a run is. Bootstrap builds the noisy pool, then iteration 0 samples, scores and selects the seed
 * instruction; iterations 1..T propose, sample, score and select; evaluation samples and scores the held-out set.
 */
public enum Phase {
    QUEUED, NOISY_SAMPLE, NOISY_SCORE, PROPOSE, SAMPLE, SCORE, SELECT, EVAL_SAMPLE, EVAL_SCORE, FINISHED
}
