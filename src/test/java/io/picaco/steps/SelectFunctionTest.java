package io.picaco.steps;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SelectFunctionTest {

    @BeforeAll
    static void doubles() {
        RestAssured.config = RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    static final String BODY = """
            {"beta": 1.0, "values": ["tradition", "conformity"],
             "weights": {"tradition": 3.0, "conformity": 1.0},
             "baselines": {"q1": -0.52, "q2": -0.61},
             "incumbent": "e0",
             "instructions": [
               {"id": "e0", "responses": [
                  {"id": "r1", "queryId": "q1", "ratings": {"tradition": 3, "conformity": 1}, "redundancy": 0.41},
                  {"id": "r2", "queryId": "q2", "ratings": {"tradition": 2, "conformity": 2}, "redundancy": 0.10}]},
               {"id": "c1", "responses": [
                  {"id": "r3", "queryId": "q1", "ratings": {"tradition": 4, "conformity": 5}, "redundancy": 0.20},
                  {"id": "r4", "queryId": "q1", "ratings": {"tradition": 5, "conformity": 3}, "redundancy": -0.30},
                  {"id": "r5", "queryId": "q2", "ratings": null, "redundancy": 0.50}]}],
             "alignedPoolSize": 2}
            """;

    @Test
    void jHatMatchesTheFormulaComputedByHand() {
        // Weights 3:1 rescaled to sum K=2: w_t = 1.5, w_c = 0.5.
        // e0: τ(r1) = 1.5 ln .5 + .5 ln .02 - ln .705 ; τ(r2) = 1.5 ln .25 + .5 ln .25 - ln .55
        double t1 = 1.5 * Math.log(0.5) + 0.5 * Math.log(0.02) - Math.log(0.705);
        double t2 = 1.5 * Math.log(0.25) + 0.5 * Math.log(0.25) - Math.log(0.55);
        double e0 = ((t1 - 0.52) + (t2 - 0.61)) / 2;
        // c1: r5 failed (ratings null) so only q1 counts: mean of τ(r3), τ(r4), plus b(q1)
        double t3 = 1.5 * Math.log(0.75) + 0.5 * Math.log(0.98) - Math.log(0.6);
        double t4 = 1.5 * Math.log(0.98) + 0.5 * Math.log(0.5) - Math.log(0.35);
        double c1 = (t3 + t4) / 2 - 0.52;
        given().contentType("application/json").body(BODY)
                .when().post("/select")
                .then().statusCode(200)
                .body("selected", equalTo("c1"))
                .body("ranking.id", contains("c1", "e0"))
                .body("ranking[0].jHat", closeTo(c1, 1e-9))
                .body("ranking[1].jHat", closeTo(e0, 1e-9))
                .body("ranking[0].perValue.tradition", closeTo(4.5, 1e-9))
                .body("ranking[0].samples", equalTo(2))
                .body("alignedPool.q1", contains("r4", "r3"))
                .body("alignedPool.q2", contains("r2"));
    }

    @Test
    void theOptionalRedundancyFalseLeavesParrotingAndBaselinesOut() {
        // One response each: the parroting one rates higher, the plain one shares little with the values.
        String body = """
                {"values": ["a", "b"], "baselines": {"q": 1.0}, "redundancy": %s, "instructions": [
                  {"id": "parrots", "responses": [{"id": "p", "queryId": "q", "ratings": {"a": 4, "b": 4}, "redundancy": 0.95}]},
                  {"id": "plain", "responses": [{"id": "n", "queryId": "q", "ratings": {"a": 4, "b": 3.9}, "redundancy": -0.5}]}]}""";
        given().contentType("application/json").body(body.formatted("true")).when().post("/select")
                .then().statusCode(200).body("selected", equalTo("plain"));
        given().contentType("application/json").body(body.formatted("false")).when().post("/select")
                .then().statusCode(200).body("selected", equalTo("parrots"))
                .body("ranking[0].jHat", closeTo(2 * Math.log(0.75), 1e-9));
    }

    @Test
    void poolIsLeftOutUnlessAsked() {
        given().contentType("application/json").body(BODY.replaceAll(",\\s*\"alignedPoolSize\": 2", ""))
                .when().post("/select")
                .then().statusCode(200).body("alignedPool", nullValue());
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType("application/json").body("{\"beta\": ")
                .when().post("/select")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("violations.field", hasItem("body"));
    }

    @Test
    void wrongTypeNamesTheField() {
        given().contentType("application/json").body(BODY.replace("\"beta\": 1.0", "\"beta\": \"high\""))
                .when().post("/select")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("beta"));
    }

    @Test
    void misspelledFieldsAreRefusedByName() {
        given().contentType("application/json").body(BODY.replace("\"beta\": 1.0", "\"betta\": 1.0"))
                .when().post("/select")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("betta"))
                .body("violations.message", hasItem(containsString("not a known field")));
        given().contentType("application/json").body(BODY.replace("\"queryId\"", "\"queryIdd\""))
                .when().post("/select")
                .then().statusCode(400).body("violations.field", hasItem("instructions[0].responses[0].queryIdd"));
        // a run request sent to /select by mistake, with a typo: every field it does not know is named at once
        given().contentType("application/json").body("{\"composition\":\"confucianism-4\",\"iteratons\":30}")
                .when().post("/select")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid input"))
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("composition", "iteratons"));
    }

    @Test
    void semanticErrorsNameEachField() {
        given().contentType("application/json")
                .body(BODY.replace("\"beta\": 1.0", "\"beta\": 0").replace("\"tradition\": 3, \"conformity\": 1",
                        "\"tradition\": 7, \"conformity\": 1").replace("\"incumbent\": \"e0\"", "\"incumbent\": \"zz\""))
                .when().post("/select")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("beta"))
                .body("violations.field", hasItem("instructions[0].responses[0].ratings.tradition"))
                .body("violations.field", hasItem("incumbent"));
    }
}
