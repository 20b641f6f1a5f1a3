package io.picaco.sim;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The simulator's HTTP tests run on a random free port (rest-assured follows it), so they do not
 * collide with other test runs on the machine that hold the fixed test port 8081.
 */
public class SimTestProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.test-port", "0");
    }
}
