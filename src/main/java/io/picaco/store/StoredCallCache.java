package io.picaco.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import org.jboss.logging.Logger;

import io.picaco.llm.CallCache;
import io.picaco.llm.TokenLogprob;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The model-call cache in the state store. Each answer is written as soon as it arrives, in its own short
 * transaction, so a crash loses no call that was paid for. Not a {@link CallCache} bean itself: {@link
 * io.picaco.llm.CallCaches} chooses between it and the in-memory cache.
 */
@ApplicationScoped
@Typed(StoredCallCache.class)
public class StoredCallCache implements CallCache {
    private static final Logger LOG = Logger.getLogger(StoredCallCache.class);

    @Override
    public Optional<CachedCall> get(String key) {
        ModelCall c = QuarkusTransaction.requiringNew().call(() -> ModelCall.findById(key));
        if (c == null) {
            return Optional.empty();
        }
        List<TokenLogprob> lp = c.logprobsJson == null ? null
                : Arrays.asList(Json.read(c.logprobsJson, TokenLogprob[].class));
        return Optional.of(new CachedCall(c.text, c.inputTokens, c.outputTokens, lp));
    }

    @Override
    public void put(String key, String role, String endpoint, String model, CachedCall call) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (ModelCall.findById(key) != null) {
                    return; // the same call answered twice (two instances, or a retried shard): keep the first
                }
                ModelCall c = new ModelCall();
                c.key = key;
                c.role = role;
                c.endpoint = endpoint;
                c.model = model;
                c.text = call.text();
                c.inputTokens = call.inputTokens();
                c.outputTokens = call.outputTokens();
                c.logprobsJson = Json.write(call.logprobs());
                c.createdAt = Instant.now();
                c.persist();
            });
        } catch (RuntimeException e) {
            // A cache that cannot write must not fail the call it would have saved.
            LOG.debug("model-call cache write skipped: " + e);
        }
    }
}
