package io.picaco.sim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.picaco.core.BuiltInCompositions;
import io.picaco.core.Composition;
import io.picaco.core.SeedInstruction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The OpenAI-compatible HTTP surface: S1 over HTTP, S10 usage, models list, errors. */
@QuarkusTest
@TestProfile(SimTestProfile.class)
class SimHttpTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Map<String, Object> request(String model, long seed, List<Map<String, String>> messages) {
        return Map.of("model", model, "messages", messages, "seed", seed, "temperature", 0.7, "max_tokens", 400,
                "stream", false, "n", 1, "logprobs", false, "response_format", Map.of("type", "text"));
    }

    private static Response post(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/sim/v1/chat/completions");
    }

    @Test
    void w9_sameRequestOverHttpGivesSameAnswer() {
        Composition c = BuiltInCompositions.find("confucianism-4").orElseThrow();
        List<Map<String, String>> msgs = List.of(Map.of("role", "system", "content", SeedInstruction.forValues(c.values())),
                Map.of("role", "user", "content", "How do I ask my boss for a raise?"));
        String a = post(request("sim-target", 42, msgs)).then().statusCode(200).extract().path("choices[0].message.content");
        String b = post(request("sim-target", 42, msgs)).then().statusCode(200).extract().path("choices[0].message.content");
        assertEquals(a, b);
        boolean differs = false;
        for (long s = 43; s < 53 && !differs; s++) {
            differs = !a.equals(post(request("sim-target", s, msgs)).then().extract().path("choices[0].message.content"));
        }
        assertTrue(differs, "some other seed gives another answer");
    }

    @Test
    void w11_everyAnswerOfEveryModelCarriesUsageAndTheOpenAiShape() throws Exception {
        Composition c = BuiltInCompositions.find("helpfulness-4").orElseThrow();
        ObjectNode judgeBlock = MAPPER.createObjectNode();
        judgeBlock.put("task", "judge");
        judgeBlock.put("mode", "joint");
        judgeBlock.set("values", SimHarness.valuesJson(c.values(), false));
        judgeBlock.put("query", "How do I start running?");
        judgeBlock.put("response", "Buy shoes and go.");
        ObjectNode propose = MAPPER.createObjectNode();
        propose.put("task", "propose");
        propose.set("values", SimHarness.valuesJson(c.values(), true));
        propose.put("count", 3);
        propose.put("maxLength", 1500);
        propose.putArray("trajectory").addObject().put("instruction", SeedInstruction.forValues(c.values())).put("jHat", -3.2);
        propose.putArray("weakest").add("clarity");

        for (String model : List.of("sim-target", "sim-judge", "sim-evaluator", "sim-optimizer")) {
            String content = switch (model) {
                case "sim-judge", "sim-evaluator" -> SimHarness.fenced(judgeBlock);
                case "sim-optimizer" -> "Propose.\n```json\n" + propose + "\n```";
                default -> "How do I start running?";
            };
            Response r = post(request(model, 1, List.of(Map.of("role", "user", "content", content))));
            r.then().statusCode(200)
                    .body("object", equalTo("chat.completion"))
                    .body("id", notNullValue())
                    .body("created", greaterThan(0))
                    .body("model", equalTo(model))
                    .body("choices[0].index", equalTo(0))
                    .body("choices[0].message.role", equalTo("assistant"))
                    .body("choices[0].finish_reason", equalTo("stop"))
                    .body("usage.prompt_tokens", greaterThan(0))
                    .body("usage.completion_tokens", greaterThan(0));
            int p = r.path("usage.prompt_tokens");
            int cpl = r.path("usage.completion_tokens");
            int total = r.path("usage.total_tokens");
            assertEquals(p + cpl, total);
            String answer = r.path("choices[0].message.content");
            if (!model.equals("sim-target")) {
                JsonNode json = MAPPER.readTree(answer);
                assertTrue(json.has(model.equals("sim-optimizer") ? "instructions" : "ratings"), answer);
            }
            if (model.equals("sim-judge") || model.equals("sim-evaluator")) {
                assertEquals(4, MAPPER.readTree(answer).path("ratings").size());
            }
            if (model.equals("sim-optimizer")) {
                assertEquals(3, MAPPER.readTree(answer).path("instructions").size());
            }
        }
    }

    @Test
    void w11_modelsListsTheFourModels() {
        given().when().get("/sim/v1/models").then().statusCode(200)
                .body("object", equalTo("list"))
                .body("data.id", hasItems("sim-target", "sim-optimizer", "sim-judge", "sim-evaluator"))
                .body("data.owned_by", hasItems("picaco-sim"));
    }

    @Test
    void unknownModelIs404AndMalformedRequestIs400_inOpenAiErrorShape() {
        post(request("gpt-4o", 1, List.of(Map.of("role", "user", "content", "hi")))).then().statusCode(404)
                .body("error.message", notNullValue()).body("error.type", notNullValue())
                .body("error.code", equalTo("model_not_found"));
        given().contentType(ContentType.JSON).body("{not json").when().post("/sim/v1/chat/completions").then()
                .statusCode(400).body("error.type", equalTo("invalid_request_error"));
        post(Map.of("model", "sim-target")).then().statusCode(400).body("error.message", notNullValue());
        post(Map.of("model", "sim-target", "messages", List.of(Map.of("content", "no role")))).then().statusCode(400);
    }
}
