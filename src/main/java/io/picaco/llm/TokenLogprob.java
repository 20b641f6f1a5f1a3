package io.picaco.llm;

import java.util.Map;

/** One generated token with its log-probability and the top alternatives the endpoint returned. */
public record TokenLogprob(String token, double logprob, Map<String, Double> top) {
}
