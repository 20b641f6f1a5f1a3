package io.picaco.models;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A configured model endpoint as the API and pages may show it: never the key itself, only whether one is set,
 * and what is wrong with the endpoint if anything. {@code reachable} and {@code lastChecked} (an ISO-8601 instant)
 * tell the last check of its host; both are absent for the simulator in this app and for a misconfigured endpoint.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelEndpoint(String name, String role, String model, String baseUrl, boolean simulated,
        boolean apiKeyConfigured, String timeout, int concurrency, Integer rpm, Integer tpm, Double inputPrice,
        Double outputPrice, String problem, Boolean reachable, String lastChecked) {
}
