package io.picaco.llm;

import java.util.List;
import java.util.Optional;

/** Stored answers to identical model calls, so repeated and resumed runs do not pay twice. */
public interface CallCache {
    record CachedCall(String text, long inputTokens, long outputTokens, List<TokenLogprob> logprobs) {
    }

    Optional<CachedCall> get(String key);

    void put(String key, String role, String endpoint, String model, CachedCall call);
}
