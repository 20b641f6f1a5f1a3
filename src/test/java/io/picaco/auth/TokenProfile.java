package io.picaco.auth;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The app with a token set, and a model key of no known shape (neither {@code sk-…} nor a JWT) for redaction tests. */
public class TokenProfile implements QuarkusTestProfile {
    public static final String TOKEN = "s3cret-token-for-tests";
    public static final String ODD_KEY = "zz-Q7pLm4-unusual-key";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("picaco.auth.token", TOKEN, "quarkus.langchain4j.openai.judge.api-key", ODD_KEY);
    }
}
