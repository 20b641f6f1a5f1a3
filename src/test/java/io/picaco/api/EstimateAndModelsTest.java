package io.picaco.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EstimateAndModelsTest {

    @Test
    void estimateCountsCallsWithoutStartingARun() {
        int before = given().get("/api/runs").then().extract().jsonPath().getList("$").size();
        given().contentType("application/json").body("{\"composition\":\"confucianism-4\"}")
                .when().post("/api/runs/estimate")
                .then().statusCode(200)
                .body("calls", equalTo(496)) // the quick preset, as counted by hand in EstimateTest
                .body("trainingQueries", equalTo(12))
                .body("heldOutQueries", equalTo(4));
        given().contentType("application/json").body("{\"composition\":\"confucianism-4\",\"iterations\":0}")
                .when().post("/api/runs/estimate")
                .then().statusCode(400).body("violations.field", hasItem("iterations"));
        org.junit.jupiter.api.Assertions.assertEquals(before,
                given().get("/api/runs").then().extract().jsonPath().getList("$").size());
    }

    @Test
    void modelsListEveryRoleWithoutSecrets() {
        given().get("/api/models").then().statusCode(200)
                .body("role", hasItems("target", "optimizer", "judge"))
                .body("simulated", everyItem(equalTo(true)))
                .body("apiKeyConfigured", everyItem(equalTo(false)))
                .body(not(containsString("sim-no-key")));
    }
}
