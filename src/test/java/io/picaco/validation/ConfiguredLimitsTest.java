package io.picaco.validation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * One source of truth: a limit changed in configuration is enforced alike by the JSON API, the web form and a step
 * function. With the defaults (max-instruction-length 8000) every request below that is refused here is accepted.
 */
@QuarkusTest
@TestProfile(ConfiguredLimitsTest.ShortInstructions.class)
class ConfiguredLimitsTest {
    public static class ShortInstructions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("picaco.limits.max-instruction-length", "1000", "picaco.limits.max-iterations", "5");
        }
    }

    static final String VALUES = "[{\"id\": \"a\", \"name\": \"A\", \"definition\": \"Be a.\"},"
            + " {\"id\": \"b\", \"name\": \"B\", \"definition\": \"Be b.\"}]";

    @Test
    void theApiEnforcesTheConfiguredLimits() {
        for (String path : new String[] { "/api/runs", "/api/runs/estimate" }) {
            given().contentType("application/json").body("{\"composition\": \"confucianism-4\", \"maxLength\": 1200}")
                    .when().post(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("title", equalTo("Invalid input")).body("status", equalTo(400))
                    .body("violations.field", hasItem("maxLength"))
                    .body("detail", containsString("maxLength: must be between 200 and 1000"));
            given().contentType("application/json").body("{\"composition\": \"confucianism-4\", \"iterations\": 6}")
                    .when().post(path)
                    .then().statusCode(400).body("detail", containsString("iterations: must be between 1 and 5"));
            given().contentType("application/json")
                    .body("{\"composition\": \"confucianism-4\", \"seedInstruction\": \"" + "x".repeat(1001) + "\"}")
                    .when().post(path)
                    .then().statusCode(400).body("violations.field", hasItem("seedInstruction"));
        }
        // within the limits, and the default instruction length (1500) is held to the lower maximum
        given().contentType("application/json").body("{\"composition\": \"confucianism-4\", \"maxLength\": 900, "
                + "\"iterations\": 5}").when().post("/api/runs/estimate").then().statusCode(200);
        given().contentType("application/json").body("{\"composition\": \"confucianism-4\"}")
                .when().post("/api/runs/estimate").then().statusCode(200);
    }

    @Test
    void theFormEnforcesAndShowsTheConfiguredLimits() {
        given().contentType("application/x-www-form-urlencoded").formParam("source", "builtin")
                .formParam("composition", "confucianism-4").formParam("querySource", "builtin")
                .formParam("preset", "quick").formParam("maxLength", "1200").formParam("iterations", "6")
                .formParam("op", "start").when().post("/runs")
                .then().statusCode(400)
                .body(containsString("<p class=\"field-error\" id=\"e-maxLength\">must be between 200 and 1000</p>"))
                .body(containsString("<p class=\"field-error\" id=\"e-iterations\">must be between 1 and 5</p>"));
        given().when().get("/runs/new").then().statusCode(200)
                .body(containsString("Allowed: 200 to 1000."))
                .body(containsString("Allowed: 1 to 5."))
                .body(not(containsString("Allowed: 200 to 8000.")));
    }

    @Test
    void theStepFunctionsEnforceTheConfiguredLimits() {
        given().contentType("application/json").body("{\"values\": " + VALUES + ", \"count\": 1, \"maxLength\": 1200}")
                .when().post("/propose")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("maxLength"))
                .body("detail", containsString("maxLength: must be between 200 and 1000"));
        given().contentType("application/json").body("{\"items\": [{\"id\": \"i\", \"query\": \"q?\", \"instruction\": \""
                + "x".repeat(1001) + "\"}]}")
                .when().post("/sample")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("items[0].instruction"))
                .body("detail", containsString("must be at most 1000 characters"));
    }
}
