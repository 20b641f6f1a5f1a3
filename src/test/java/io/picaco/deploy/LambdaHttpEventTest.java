package io.picaco.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InactiveBeanException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The AWS Lambda build (-Plambda, see deploy/aws-lambda): API Gateway HTTP API (payload 2.0) events go through the
 * Lambda handler via the extension's mock event server, as AWS would send them. Runs only in that build, which sets
 * {@code lambda.events=true}, runs it in the package's profiles ({@code functions,slim}: no conductor, no datasource)
 * and sets {@link #TOKEN} as {@code picaco.auth.token}. The roles' models are an OpenAI-compatible stub.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "lambda.events", matches = "true")
@QuarkusTestResource(value = LambdaModels.class, restrictToAnnotatedClass = true)
class LambdaHttpEventTest {
    static final String TOKEN = "lambda-test-token";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SELECT = """
            {"beta": 1.0, "values": ["tradition", "conformity"],
             "baselines": {"q1": -0.5},
             "incumbent": "e0",
             "instructions": [
               {"id": "e0", "responses": [
                  {"id": "r1", "queryId": "q1", "ratings": {"tradition": 2, "conformity": 2}, "redundancy": 0.4}]},
               {"id": "c1", "responses": [
                  {"id": "r2", "queryId": "q1", "ratings": {"tradition": 5, "conformity": 4}, "redundancy": 0.1}]}],
             "alignedPoolSize": 1}
            """;

    @Test
    void selectEventGivesTheRanking() throws Exception {
        JsonNode response = invoke(event("POST", "/select", SELECT, "Bearer " + TOKEN));
        assertEquals(200, response.get("statusCode").asInt(), response.toString());
        JsonNode body = body(response);
        assertEquals("c1", body.get("selected").asText());
        assertEquals("c1", body.get("ranking").get(0).get("id").asText());
        assertEquals("e0", body.get("ranking").get(1).get("id").asText());
        // τ(r2) = ln .98 + ln .75 − ln .55, plus b(q1) = −0.5
        double expected = Math.log(0.98) + Math.log(0.75) - Math.log(0.55) - 0.5;
        assertEquals(expected, body.get("ranking").get(0).get("jHat").asDouble(), 1e-9);
        assertEquals("r2", body.get("alignedPool").get("q1").get(0).asText());
    }

    @Inject
    Instance<AgroalDataSource> dataSource;

    @Test
    void everyStepAnswersItsEventWithoutADatasource() throws Exception {
        String values = "[{\"id\":\"care\",\"name\":\"Care\",\"definition\":\"Looking after people.\"},"
                + "{\"id\":\"candour\",\"name\":\"Candour\",\"definition\":\"Saying plainly what is true.\"}]";
        JsonNode proposed = ok(event("POST", "/propose", "{\"values\": " + values + ", \"count\": 2}", "Bearer " + TOKEN));
        assertEquals(2, proposed.get("candidates").size(), proposed.toString());

        JsonNode sampled = ok(event("POST", "/sample", "{\"seed\": 1, \"items\": [{\"id\": \"a\", \"instruction\": "
                + "\"Be kind.\", \"query\": \"Call my mother?\", \"sampleIndex\": 0}]}", "Bearer " + TOKEN));
        assertTrue(sampled.get("responses").get(0).get("text").asText().startsWith("stub answer"), sampled.toString());

        JsonNode scored = ok(event("POST", "/score", "{\"values\": " + values + ", \"items\": [{\"id\": \"x\", "
                + "\"query\": \"Call my mother?\", \"response\": \"Yes: looking after people matters.\"}]}",
                "Bearer " + TOKEN));
        JsonNode item = scored.get("items").get(0);
        assertEquals(4.0, item.get("ratings").get("care").asDouble(), 1e-9, scored.toString());
        double redundancy = item.get("redundancy").asDouble();
        assertTrue(redundancy > 0 && redundancy <= 1, scored.toString());

        // a step instance has no database: the datasource bean exists but is inactive
        assertThrows(InactiveBeanException.class, () -> dataSource.get().getConnection());
    }

    static JsonNode ok(Map<String, Object> event) throws Exception {
        JsonNode response = invoke(event);
        assertEquals(200, response.get("statusCode").asInt(), response.toString());
        return body(response);
    }

    @Test
    void badBodyEventGivesAProblem() throws Exception {
        JsonNode response = invoke(event("POST", "/select", "{\"beta\": ", "Bearer " + TOKEN));
        assertEquals(400, response.get("statusCode").asInt(), response.toString());
        assertTrue(header(response, "content-type").startsWith("application/problem+json"), response.toString());
        JsonNode body = body(response);
        assertEquals(400, body.get("status").asInt());
        assertEquals("body", body.get("violations").get(0).get("field").asText());
    }

    @Test
    void eventWithoutTheTokenIsUnauthorized() throws Exception {
        JsonNode response = invoke(event("POST", "/select", SELECT, null));
        assertEquals(401, response.get("statusCode").asInt(), response.toString());
        assertEquals("Bearer", header(response, "www-authenticate"));
        assertEquals("Unauthorized", body(response).get("title").asText());
    }

    @Test
    void plainHttpRequestsAreTurnedIntoEventsToo() {
        given().contentType("application/json").header("Authorization", "Bearer " + TOKEN).body(SELECT)
                .when().post("/select")
                .then().statusCode(200).body("selected", equalTo("c1"));
    }

    /** An API Gateway HTTP API (payload format 2.0) request event. */
    static Map<String, Object> event(String method, String path, String body, String authorization) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("accept", "application/json");
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        Map<String, Object> http = Map.of("method", method, "path", path, "protocol", "HTTP/1.1",
                "sourceIp", "127.0.0.1", "userAgent", "picaco-test");
        Map<String, Object> context = Map.of("accountId", "123456789012", "apiId", "picaco", "domainName",
                "picaco.execute-api.localhost", "requestId", "req-1", "routeKey", "$default", "stage", "$default",
                "timeEpoch", 0L, "http", http);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        event.put("headers", headers);
        event.put("requestContext", context);
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return event;
    }

    /** Puts the raw event on the Lambda poll loop (the mock event server's {@code /_lambda_}) and returns the response event. */
    static JsonNode invoke(Map<String, Object> event) throws Exception {
        String raw = given().contentType("application/json").accept("application/json").body(JSON.writeValueAsString(event))
                .when().post("/_lambda_")
                .then().statusCode(200).extract().asString();
        return JSON.readTree(raw);
    }

    static JsonNode body(JsonNode response) throws Exception {
        String body = response.get("body").asText();
        if (response.path("isBase64Encoded").asBoolean(false)) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return JSON.readTree(body);
    }

    static String header(JsonNode response, String name) {
        var fields = response.path("headers").fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().asText();
            }
        }
        return "";
    }
}
