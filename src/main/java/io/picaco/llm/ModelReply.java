package io.picaco.llm;

import java.util.List;

/** The text a model answered, its token log-probabilities when the endpoint returned them, and what it cost. */
public record ModelReply(String text, List<TokenLogprob> logprobs, Usage usage) {
}
