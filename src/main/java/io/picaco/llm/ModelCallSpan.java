package io.picaco.llm;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.picaco.models.EndpointConfig;

/**
 * The attributes of the span that {@link ModelGateway#chat} opens for each model call: who asked (role), which
 * configured endpoint and model answered, and what it cost. Never the key, the base URL's credentials, or the
 * prompt and answer texts. With the OpenTelemetry SDK off (the default) the current span is a no-op.
 */
final class ModelCallSpan {
    static final AttributeKey<String> ROLE = AttributeKey.stringKey("picaco.role");
    static final AttributeKey<String> ENDPOINT = AttributeKey.stringKey("picaco.endpoint");
    static final AttributeKey<String> MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<Boolean> CACHE_HIT = AttributeKey.booleanKey("picaco.cache_hit");
    static final AttributeKey<Long> RETRIES = AttributeKey.longKey("picaco.retries");
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");

    private ModelCallSpan() {
    }

    static void describe(Role role, EndpointConfig endpoint) {
        Span.current().setAttribute(ROLE, role.configName()).setAttribute(ENDPOINT, endpoint.name())
                .setAttribute(MODEL, endpoint.modelName());
    }

    static void cacheHit() {
        Span.current().setAttribute(CACHE_HIT, true);
    }

    static void answered(long retries, long inputTokens, long outputTokens) {
        Span.current().setAttribute(CACHE_HIT, false).setAttribute(RETRIES, retries)
                .setAttribute(INPUT_TOKENS, inputTokens).setAttribute(OUTPUT_TOKENS, outputTokens);
    }
}
