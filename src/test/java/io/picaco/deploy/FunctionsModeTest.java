package io.picaco.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.picaco.llm.Embedder;
import io.picaco.llm.StubOpenAi;
import io.quarkus.arc.InactiveBeanException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * {@code QUARKUS_PROFILE=functions}: the four steps answer (models on an OpenAI-compatible stub), health is up, and
 * nothing else is served; the datasource is inactive, and the embedder loads only when {@code /score} needs it.
 */
@QuarkusTest
@TestProfile(FunctionsMode.class)
@QuarkusTestResource(value = StubOpenAi.class, restrictToAnnotatedClass = true)
class FunctionsModeTest {
    static final String VALUES = """
            [{"id":"care","name":"Care","definition":"Looking after people."},
             {"id":"candour","name":"Candour","definition":"Saying plainly what is true."}]""";
    static final String SELECT = """
            {"values": ["care"], "incumbent": "e0", "instructions": [
              {"id": "e0", "responses": [{"id": "r1", "queryId": "q1", "ratings": {"care": 2}, "redundancy": 0.4}]},
              {"id": "c1", "responses": [{"id": "r2", "queryId": "q1", "ratings": {"care": 5}, "redundancy": 0.1}]}]}""";

    @Inject
    Embedder embedder;
    @Inject
    Instance<AgroalDataSource> dataSource;

    static JsonPath post(String path, String body) {
        return given().contentType("application/json").body(body).when().post(path)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    @Test
    void everyStepAnswersAndOnlyScoreLoadsTheEmbedder() {
        assertEquals("c1", post("/select", SELECT).getString("selected"));
        JsonPath proposed = post("/propose", """
                {"values": %s, "count": 2, "seed": 3}""".formatted(VALUES));
        assertEquals(2, proposed.getList("candidates").size(), proposed.prettify());
        assertFalse(embedder.loaded(), "select and propose must not load the embedding model");

        String sample = """
                {"seed": 5, "items": [{"id": "a", "instruction": "Be kind.", "query": "Should I call my mother?", "sampleIndex": 0}]}""";
        JsonPath sampled = post("/sample", sample);
        assertTrue(sampled.getString("responses[0].text").startsWith("stub answer"), sampled.prettify());
        assertEquals(1, sampled.getInt("usage.calls"));
        // the same call again comes from the in-memory cache: no database behind it
        JsonPath again = post("/sample", sample);
        assertEquals(sampled.getString("responses[0].text"), again.getString("responses[0].text"));
        assertEquals(1, again.getInt("usage.cacheHits"));
        assertEquals(0, again.getInt("usage.calls"));

        JsonPath scored = post("/score", """
                {"values": %s, "items": [{"id": "x", "query": "Should I call my mother?", "response": "Yes, call her."}]}"""
                .formatted(VALUES));
        assertEquals(4.0, scored.getDouble("items[0].ratings.care"), 1e-9);
        assertTrue(scored.getDouble("items[0].redundancy") > 0, scored.prettify());
        assertTrue(embedder.loaded());
    }

    @Test
    void healthIsUpWithoutADatasource() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        assertThrows(InactiveBeanException.class, () -> dataSource.get().getConnection());
    }

    @Test
    void pagesApiSimulatorAndMetricsAreNotServed() {
        for (String path : List.of("/", "/runs/new", "/api/runs", "/api/models", "/api/compositions", "/sim/v1/models",
                "/q/metrics", "/picaco.css")) {
            given().when().get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("detail", not(equalTo(null)));
        }
        given().contentType("application/json").body("{}").when().post("/sim/v1/chat/completions").then()
                .statusCode(404);
        given().contentType("application/json").body("{}").when().post("/api/runs").then().statusCode(404);
    }

    @Test
    void badInputStillGetsAProblem() {
        given().contentType("application/json").body("{\"beta\": ").when().post("/select").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("body"));
    }
}
