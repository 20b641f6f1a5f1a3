package io.picaco.models;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** An endpoint without a key for a hosted URL, and one on a closed port: reported, and refused for runs. */
@QuarkusTest
@TestProfile(MisconfiguredEndpointTest.Extra.class)
class MisconfiguredEndpointTest {
    public static class Extra implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.langchain4j.openai.hosted.base-url", "https://api.example.invalid/v1",
                    "quarkus.langchain4j.openai.hosted.chat-model.model-name", "gpt-4o-mini",
                    "quarkus.langchain4j.openai.closed.base-url", "http://127.0.0.1:9/v1",
                    "quarkus.langchain4j.openai.closed.api-key", "secret-closed-key",
                    "quarkus.langchain4j.openai.closed.chat-model.model-name", "local-model",
                    "picaco.conductor.enabled", "false");
        }
    }

    @Test
    void modelsReportProblemsWithoutSecrets() {
        given().get("/api/models").then().statusCode(200)
                .body("find { it.name == 'hosted' }.problem", containsString("no API key"))
                .body("find { it.name == 'closed' }.problem", containsString("unreachable"))
                .body("find { it.name == 'closed' }.apiKeyConfigured", org.hamcrest.Matchers.equalTo(true))
                .body(not(containsString("secret-closed-key")));
    }

    @Test
    void runsNeedingThemAreRefusedNamingTheEndpoint() {
        given().contentType("application/json")
                .body("{\"composition\":\"helpfulness-4\",\"models\":{\"judge\":\"closed\",\"target\":\"hosted\"}}")
                .post("/api/runs").then().statusCode(400)
                .body("violations.field", hasItem("models.judge"))
                .body("violations.field", hasItem("models.target"))
                .body("violations.message", hasItem(containsString("endpoint 'closed'")))
                .body(not(containsString("secret-closed-key")));
    }
}
