package io.picaco.deploy;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The app as a step instance: the {@code functions} configuration profile, on a random free port. */
public class FunctionsMode implements QuarkusTestProfile {
    @Override
    public String getConfigProfile() {
        return "functions";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.test-port", "0");
    }
}
