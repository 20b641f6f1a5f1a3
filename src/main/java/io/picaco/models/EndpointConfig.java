package io.picaco.models;

import java.time.Duration;

/** Everything needed to call one configured endpoint. The key stays here and is never shown. */
public record EndpointConfig(String name, String baseUrl, String apiKey, String modelName, Duration timeout,
        Double temperature, Integer maxTokens, int concurrency, Integer rpm, Integer tpm, Double inputPrice,
        Double outputPrice) {

    /** The same endpoint under another name (the evaluator that falls back to the judge). */
    public EndpointConfig as(String otherName) {
        return new EndpointConfig(otherName, baseUrl, apiKey, modelName, timeout, temperature, maxTokens, concurrency,
                rpm, tpm, inputPrice, outputPrice);
    }

    public boolean simulated() {
        return baseUrl != null && baseUrl.contains("/sim/v1");
    }

    /** Our simulator placeholder and the extension's own default ("dummy") are not keys. */
    public boolean hasKey() {
        return apiKey != null && !apiKey.isBlank() && !ModelEndpoints.NO_KEY.equals(apiKey) && !"dummy".equals(apiKey);
    }

    /** Cost in US dollars of a call, or 0 when no price is configured. */
    public double cost(long inputTokens, long outputTokens) {
        return (inputPrice == null ? 0 : inputPrice * inputTokens / 1e6)
                + (outputPrice == null ? 0 : outputPrice * outputTokens / 1e6);
    }

    @Override
    public String toString() {
        return "EndpointConfig[" + name + ", " + baseUrl + ", " + modelName + "]"; // never the key
    }
}
