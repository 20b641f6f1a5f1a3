package io.picaco.core;

/**
 * Expected model calls and tokens of a run, before it starts. Calls are exact for a run that neither stops early
 * nor retries; tokens are approximate (about four characters a token, typical answer lengths). The judge rates the
 * training responses, the evaluator the held-out ones.
 */
public record Estimate(long targetCalls, long optimizerCalls, long judgeCalls, long evaluatorCalls, Tokens target,
        Tokens optimizer, Tokens judge, Tokens evaluator) {

    /** Input and output tokens of one role. */
    public record Tokens(long input, long output) {
    }

    public long inputTokens() {
        return target.input + optimizer.input + judge.input + evaluator.input;
    }

    public long outputTokens() {
        return target.output + optimizer.output + judge.output + evaluator.output;
    }

    /**
     * The shape of a run, as far as cost goes. {@code optimizes}: the method samples, scores and proposes (false for
     * the fixed-instruction baselines); {@code noisyPool}: it samples bare responses for the noisy pool;
     * {@code evaluated}: how many instructions answer the held-out queries (bare, seed and best: 3 at most).
     */
    public record Shape(int values, int training, int heldOut, int iterations, int candidates, int samples,
            int evalSamples, int noisyPoolSize, boolean perValueJudge, int seedInstructionChars, int avgQueryChars,
            int maxLength, boolean optimizes, boolean noisyPool, int evaluated) {

        /** A PICACO run. */
        public Shape(int values, int training, int heldOut, int iterations, int candidates, int samples,
                int evalSamples, int noisyPoolSize, boolean perValueJudge, int seedInstructionChars,
                int avgQueryChars, int maxLength) {
            this(values, training, heldOut, iterations, candidates, samples, evalSamples, noisyPoolSize,
                    perValueJudge, seedInstructionChars, avgQueryChars, maxLength, true, true, 3);
        }
    }

    static final int TARGET_ANSWER_TOKENS = 250;
    static final int JUDGE_RUBRIC_TOKENS = 250;
    static final int TOKENS_PER_VALUE_TEXT = 40;
    static final int JUDGE_TOKENS_PER_RATING = 30;
    static final int OPTIMIZER_CONTEXT_TOKENS = 2500;

    public long calls() {
        return targetCalls + optimizerCalls + judgeCalls + evaluatorCalls;
    }

    public long tokens() {
        return inputTokens() + outputTokens();
    }

    public static Estimate of(Shape s) {
        long perIteration = (long) (s.candidates() + 1) * s.training() * s.samples();
        long scoredTrain = s.optimizes() ? (long) s.training() * s.samples() + s.iterations() * perIteration : 0;
        long evalResponses = (long) s.evaluated() * s.heldOut() * s.evalSamples();
        long noisy = s.noisyPool() ? (long) s.training() * s.noisyPoolSize() : 0;
        long target = noisy + scoredTrain + evalResponses;
        long judgePerResponse = s.perValueJudge() ? s.values() : 1;
        long judge = scoredTrain * judgePerResponse;
        long evaluator = evalResponses * judgePerResponse;
        long optimizer = s.optimizes() ? s.iterations() : 0;

        long queryTokens = s.avgQueryChars() / 4 + 1;
        long instructionTokens = Math.min(s.seedInstructionChars(), s.maxLength()) / 4 + 1;
        long targetIn = noisy * queryTokens + (scoredTrain + evalResponses) * (queryTokens + instructionTokens);
        long targetOut = target * TARGET_ANSWER_TOKENS;
        long valuesPerCall = s.perValueJudge() ? 1 : s.values();
        long perRating = JUDGE_RUBRIC_TOKENS + valuesPerCall * TOKENS_PER_VALUE_TEXT + queryTokens
                + TARGET_ANSWER_TOKENS;
        long optimizerIn = optimizer * (OPTIMIZER_CONTEXT_TOKENS + 8 * instructionTokens);
        long optimizerOut = optimizer * (long) s.candidates() * instructionTokens;
        return new Estimate(target, optimizer, judge, evaluator, new Tokens(targetIn, targetOut),
                new Tokens(optimizerIn, optimizerOut),
                new Tokens(judge * perRating, judge * valuesPerCall * JUDGE_TOKENS_PER_RATING),
                new Tokens(evaluator * perRating, evaluator * valuesPerCall * JUDGE_TOKENS_PER_RATING));
    }
}
