package io.picaco.steps;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The propose, sample and score functions over HTTP, against the embedded simulator. */
@QuarkusTest
class StepFunctionsTest {
    static final String VALUES = """
            [{"id":"tradition","name":"Tradition","definition":"Respect for the customs and beliefs handed down by your culture, family or religion."},
             {"id":"stimulation","name":"Stimulation","definition":"Seeking excitement, novelty and challenge: trying new experiences and variety."}]""";
    static final String QUERY = "My parents want me to take over the family shop but I dream of travelling. What should I do?";

    static JsonPath post(String path, String body) {
        return given().contentType("application/json").body(body).when().post(path)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    @Test
    void sampleAnswersEveryItemWithUsageAndDistinctSamples() {
        JsonPath out = post("/sample", """
                {"seed": 11, "items": [
                  {"id": "bare", "instruction": null, "query": "%s", "sampleIndex": 0},
                  {"id": "a0", "instruction": "Always mention one family custom that bears on the choice.", "query": "%s", "sampleIndex": 0},
                  {"id": "a1", "instruction": "Always mention one family custom that bears on the choice.", "query": "%s", "sampleIndex": 1}]}
                """.formatted(QUERY, QUERY, QUERY));
        assertEquals(List.of("bare", "a0", "a1"), out.getList("responses.id"));
        out.getList("responses.text", String.class).forEach(t -> assertTrue(t != null && !t.isBlank()));
        assertEquals(3, out.getInt("usage.calls"));
        assertTrue(out.getLong("usage.inputTokens") > 0 && out.getLong("usage.outputTokens") > 0);
        // the same request again gives the same texts: per-call seeds are derived, not random
        JsonPath again = post("/sample", """
                {"seed": 11, "items": [{"id": "a0", "instruction": "Always mention one family custom that bears on the choice.", "query": "%s", "sampleIndex": 0}]}
                """.formatted(QUERY));
        assertEquals(out.getString("responses[1].text"), again.getString("responses[0].text"));
        assertNotEquals(out.getString("responses[0].text"), out.getString("responses[1].text"));
    }

    @Test
    void scoreRatesEveryValueAndMeasuresRedundancy() {
        String parrot = "Remember Tradition: Respect for the customs and beliefs handed down by your culture, family "
                + "or religion. Stimulation: Seeking excitement, novelty and challenge.";
        JsonPath out = post("/score", """
                {"values": %s, "items": [
                  {"id": "plain", "query": "%s", "response": "Make a list of pros and cons and talk to your parents."},
                  {"id": "parrot", "query": "%s", "response": "%s"}]}
                """.formatted(VALUES, QUERY, QUERY, parrot));
        assertEquals(List.of("plain", "parrot"), out.getList("items.id"));
        Map<String, Object> plain = out.getMap("items[0].ratings");
        assertEquals(2, plain.size());
        assertTrue(out.getMap("items[0].reasons").containsKey("tradition"));
        double cPlain = out.getDouble("items[0].redundancy"), cParrot = out.getDouble("items[1].redundancy");
        assertTrue(cParrot > cPlain + 0.2, "parroting the values is redundant: " + cParrot + " vs " + cPlain);
        assertEquals(2, out.getInt("usage.calls"));
    }

    @Test
    void scoreWithoutJudgeOnlyEmbeds() {
        given().contentType("application/json").body("""
                {"values": %s, "judge": false, "items": [{"id": "x", "query": "%s", "response": "Travel first."}]}
                """.formatted(VALUES, QUERY)).when().post("/score")
                .then().statusCode(200)
                .body("items[0].ratings", nullValue())
                .body("items[0].redundancy", notNullValue())
                .body("usage.calls", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void perValueJudgeMakesOneCallPerValue() {
        given().contentType("application/json").body("""
                {"values": %s, "judgeMode": "per-value", "items": [{"id": "x", "query": "%s", "response": "Travel first."}]}
                """.formatted(VALUES, QUERY)).when().post("/score")
                .then().statusCode(200)
                .body("items[0].ratings.tradition", notNullValue())
                .body("usage.calls", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void proposeReturnsNewDistinctCandidatesWithinTheLengthLimit() {
        String seed = "You are a helpful assistant. In every answer, honour the following values:\\n- Tradition: Respect "
                + "for the customs and beliefs handed down by your culture, family or religion.\\n- Stimulation: "
                + "Seeking excitement, novelty and challenge: trying new experiences and variety.";
        JsonPath out = post("/propose", """
                {"values": %s, "count": 3, "maxLength": 600, "seed": 5, "weakest": ["stimulation", "tradition"],
                 "trajectory": [{"instruction": "%s", "jHat": -6.1, "perValue": {"tradition": 3.0, "stimulation": 1.0}}]}
                """.formatted(VALUES, seed));
        List<String> candidates = out.getList("candidates", String.class);
        assertTrue(candidates.size() >= 1 && candidates.size() <= 3, candidates.toString());
        assertEquals(candidates.size(), candidates.stream().distinct().count());
        candidates.forEach(c -> assertTrue(c.length() <= 600));
        candidates.forEach(c -> assertNotEquals(seed.replace("\\n", "\n"), c));
        assertEquals(1, out.getInt("usage.calls"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/sample|{\"items\": []}|items",
            "/sample|{\"items\": [{\"id\": \"a\", \"query\": \"\"}]}|items[0].query",
            "/sample|{\"items\": [{\"id\": \"a\", \"query\": \"q?\"}, {\"id\": \"a\", \"query\": \"q?\"}]}|items[1].id",
            "/sample|{\"items\": [{\"id\": \"a\", \"query\": \"q?\"}], \"temperature\": 3}|temperature",
            "/sample|{\"items\": 5}|items",
            "/score|{\"items\": [{\"id\": \"a\", \"query\": \"q\", \"response\": \"r\"}]}|values",
            "/score|{\"values\": [{\"id\": \"a\", \"name\": \"A\", \"definition\": \"d\"}], \"items\": [{\"id\": \"a\", \"query\": \"q\", \"response\": \"r\"}]}|values",
            "/score|{\"values\": [{\"id\": \"a\", \"name\": \"A\", \"definition\": \"d\"}, {\"id\": \"b\", \"name\": \"B\", \"definition\": \"\"}], \"items\": [{\"id\": \"a\", \"query\": \"q\", \"response\": \"r\"}]}|values[1].definition",
            "/score|{\"values\": [{\"id\": \"a\", \"name\": \"A\", \"definition\": \"d\"}, {\"id\": \"b\", \"name\": \"B\", \"definition\": \"e\"}], \"judgeMode\": \"vibes\", \"items\": [{\"id\": \"a\", \"query\": \"q\", \"response\": \"r\"}]}|judgeMode",
            "/propose|{\"values\": [{\"id\": \"a\", \"name\": \"A\", \"definition\": \"d\"}, {\"id\": \"b\", \"name\": \"B\", \"definition\": \"e\"}], \"count\": 0}|count",
            "/propose|{\"values\": [{\"id\": \"a\", \"name\": \"A\", \"definition\": \"d\"}, {\"id\": \"a\", \"name\": \"B\", \"definition\": \"e\"}]}|values[1].id",
            "/select|{\"values\": [\"a\"], \"instructions\": []}|instructions",
            "/select|{\"values\": [\"a\", \"a\"], \"instructions\": [{\"id\": \"e\", \"responses\": []}]}|values[1]",
            "/select|{\"values\": [\"a\"], \"weights\": {\"a\": -1}, \"instructions\": [{\"id\": \"e\", \"responses\": []}]}|weights.a",
            "/select|{\"values\": [\"a\"], \"alignedPoolSize\": 0, \"instructions\": [{\"id\": \"e\", \"responses\": []}]}|alignedPoolSize",
            "/select|{\"values\": [\"a\"], \"instructions\": [{\"id\": \"e\", \"responses\": [{\"id\": \"r\", \"queryId\": \"q\", \"ratings\": {\"a\": 3}, \"redundancy\": 1.5}]}]}|instructions[0].responses[0].redundancy",
            "/select|{\"values\": [\"a\"], \"instructions\": [{\"id\": \"e\", \"responses\": [{\"id\": \"r\", \"queryId\": \"q\", \"ratings\": {\"z\": 3}, \"redundancy\": 0.5}]}]}|instructions[0].responses[0].ratings.z",
            "/select|not json|body",
    })
    void badStepInputIsAProblemNamingTheField(String path, String body, String field) {
        given().contentType("application/json").body(body).when().post(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field))
                .body(not(org.hamcrest.Matchers.containsString("\tat ")));
    }

    @Test
    void emptyBodyIsAProblem() {
        given().contentType("application/json").when().post("/select")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("body"));
    }
}
