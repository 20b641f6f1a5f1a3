package io.picaco.models;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A configured model endpoint as the API and pages may show it: never the key itself, only whether one is set,
 * and what is wrong with the endpoint if anything.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelEndpoint(String name, String role, String model, String baseUrl, boolean simulated,
        boolean apiKeyConfigured, String timeout, int concurrency, Integer rpm, Integer tpm, Double inputPrice,
        Double outputPrice, String problem) {
}
