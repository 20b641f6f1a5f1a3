package io.picaco.models;

/**
 * A configured model endpoint as the API and pages may show it: never the key itself, only whether one is set.
 */
public record ModelEndpoint(String name, String role, String model, String baseUrl, boolean simulated,
        boolean apiKeyConfigured, String timeout) {
}
