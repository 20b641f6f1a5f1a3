package io.picaco.core;

/**
 * Expected model calls and tokens of a run, before it starts. Calls are exact for a run that neither stops early
 * nor retries; tokens are approximate (about four characters a token, typical answer lengths).
 */
public record Estimate(long targetCalls, long optimizerCalls, long judgeCalls, Tokens target, Tokens optimizer,
        Tokens judge) {

    /** Input and output tokens of one role. */
    public record Tokens(long input, long output) {
    }

    public long inputTokens() {
        return target.input + optimizer.input + judge.input;
    }

    public long outputTokens() {
        return target.output + optimizer.output + judge.output;
    }

    /** The shape of a run, as far as cost goes. */
    public record Shape(int values, int training, int heldOut, int iterations, int candidates, int samples,
            int evalSamples, int noisyPoolSize, boolean perValueJudge, int seedInstructionChars, int avgQueryChars,
            int maxLength) {
    }

    static final int TARGET_ANSWER_TOKENS = 250;
    static final int JUDGE_RUBRIC_TOKENS = 250;
    static final int TOKENS_PER_VALUE_TEXT = 40;
    static final int JUDGE_TOKENS_PER_RATING = 30;
    static final int OPTIMIZER_CONTEXT_TOKENS = 2500;

    public long calls() {
        return targetCalls + optimizerCalls + judgeCalls;
    }

    public long tokens() {
        return inputTokens() + outputTokens();
    }

    public static Estimate of(Shape s) {
        long perIteration = (long) (s.candidates() + 1) * s.training() * s.samples();
        long scoredTrain = (long) s.training() * s.samples() + s.iterations() * perIteration;
        long evalResponses = 3L * s.heldOut() * s.evalSamples();
        long noisy = (long) s.training() * s.noisyPoolSize();
        long target = noisy + scoredTrain + evalResponses;
        long judgePerResponse = s.perValueJudge() ? s.values() : 1;
        long judge = (scoredTrain + evalResponses) * judgePerResponse;
        long optimizer = s.iterations();

        long queryTokens = s.avgQueryChars() / 4 + 1;
        long instructionTokens = Math.min(s.seedInstructionChars(), s.maxLength()) / 4 + 1;
        long targetIn = noisy * queryTokens + (scoredTrain + evalResponses) * (queryTokens + instructionTokens);
        long targetOut = target * TARGET_ANSWER_TOKENS;
        long valuesPerCall = s.perValueJudge() ? 1 : s.values();
        long judgeIn = judge * (JUDGE_RUBRIC_TOKENS + valuesPerCall * TOKENS_PER_VALUE_TEXT + queryTokens
                + TARGET_ANSWER_TOKENS);
        long judgeOut = judge * valuesPerCall * JUDGE_TOKENS_PER_RATING;
        long optimizerIn = optimizer * (OPTIMIZER_CONTEXT_TOKENS + 8 * instructionTokens);
        long optimizerOut = optimizer * (long) s.candidates() * instructionTokens;
        return new Estimate(target, optimizer, judge, new Tokens(targetIn, targetOut),
                new Tokens(optimizerIn, optimizerOut), new Tokens(judgeIn, judgeOut));
    }
}
