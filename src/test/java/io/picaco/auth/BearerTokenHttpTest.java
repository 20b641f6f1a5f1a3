package io.picaco.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(BearerTokenHttpTest.WithToken.class)
class BearerTokenHttpTest {
    static final String TOKEN = "s3cret-token-for-tests";
    static final String SELECT = """
            {"beta": 1.0, "values": ["tradition"], "incumbent": null,
             "instructions": [{"id": "c1", "responses": [
                {"id": "r1", "queryId": "q1", "ratings": {"tradition": 4}, "redundancy": 0.2}]}]}
            """;

    public static class WithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a random port, so a test run elsewhere on the machine holding 8081 does not matter
            return Map.of("picaco.auth.token", TOKEN, "quarkus.http.test-port", "0");
        }
    }

    @Test
    void selectNeedsTheToken() {
        given().contentType("application/json").body(SELECT).when().post("/select")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body(equalTo(BearerTokenFilter.UNAUTHORIZED));
        given().contentType("application/json").header("Authorization", "Bearer wrong").body(SELECT)
                .when().post("/select")
                .then().statusCode(401).body("title", equalTo("Unauthorized")).body("status", equalTo(401));
        given().contentType("application/json").header("Authorization", "Basic " + TOKEN).body(SELECT)
                .when().post("/select").then().statusCode(401);
        given().contentType("application/json").header("Authorization", "Bearer " + TOKEN).body(SELECT)
                .when().post("/select")
                .then().statusCode(200).body("selected", equalTo("c1"));
    }

    @Test
    void otherStepsAndPathTricksNeedTheToken() {
        for (String path : new String[] {"/propose", "/sample", "/score", "/select/", "/x/../api/runs", "/api/runs/"}) {
            given().contentType("application/json").body("{}").when().post(path).then().statusCode(401);
        }
        // Spellings that reach no function are not served at all (never run without the token).
        for (String path : new String[] {"//select", "/select;x=1", "/Select"}) {
            int status = given().contentType("application/json").body(SELECT).when().post(path).then().extract().statusCode();
            org.junit.jupiter.api.Assertions.assertTrue(status == 401 || status == 404, path + " gave " + status);
        }
    }

    @Test
    void apiNeedsTheToken() {
        given().when().get("/api/runs").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer " + TOKEN.substring(1)).when().get("/api/runs").then().statusCode(401);
        given().header("Authorization", "Bearer " + TOKEN).when().get("/api/runs").then().statusCode(200);
        given().header("Authorization", "bearer " + TOKEN).when().get("/api/compositions").then().statusCode(200);
    }

    @Test
    void simulatorAndPagesStayOpen() {
        given().when().get("/sim/v1/models").then().statusCode(200);
        // No page may need the token (there may be none at this path: anything but 401 will do).
        given().when().get("/").then().statusCode(not(401));
        given().when().get("/q/health").then().statusCode(not(401));
    }
}
