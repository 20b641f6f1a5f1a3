package io.picaco.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;

/** Every bad-input rule of POST /api/runs: 400 problem+json naming the field, and nothing stored. */
@QuarkusTest
class RunRequestValidationTest {

    static String values(int n) {
        return IntStream.range(0, n).mapToObj(i -> "{\"id\":\"v" + i + "\",\"name\":\"Value " + i
                + "\",\"definition\":\"Definition of value " + i + ".\"}").collect(Collectors.joining(",", "[", "]"));
    }

    static final String Q4 = "[\"What should I cook tonight?\",\"How do I ask for a raise?\","
            + "\"Is it rude to leave a party early?\",\"How can I save for a trip?\"]";
    static final String CUSTOM = "{\"values\":" + values(2) + ",\"queries\":" + Q4;

    static Stream<Arguments> badRequests() {
        String longDef = "x".repeat(401);
        String longQuery = "q".repeat(4001);
        return Stream.of(
                Arguments.of("{\"composition\": ", "body"),
                Arguments.of("{\"seed\": 7}", "composition"),
                Arguments.of("{\"composition\":\"hh-balance-8\",\"values\":" + values(2) + "}", "composition"),
                Arguments.of("{\"composition\":\"no-such-set\"}", "composition"),
                Arguments.of("{\"values\":" + values(1) + ",\"queries\":" + Q4 + "}", "values"),
                Arguments.of("{\"values\":" + values(17) + ",\"queries\":" + Q4 + "}", "values"),
                Arguments.of("{\"values\":" + values(2).replace("\"v1\"", "\"v0\"") + ",\"queries\":" + Q4 + "}",
                        "values[1].id"),
                Arguments.of("{\"values\":" + values(2).replace("\"Value 1\"", "\"  \"") + ",\"queries\":" + Q4 + "}",
                        "values[1].name"),
                Arguments.of("{\"values\":" + values(2).replace("Definition of value 0.", "") + ",\"queries\":" + Q4
                        + "}", "values[0].definition"),
                Arguments.of("{\"values\":" + values(2).replace("Definition of value 0.", longDef) + ",\"queries\":"
                        + Q4 + "}", "values[0].definition"),
                Arguments.of("{\"values\":" + values(2) + ",\"queries\":[\"a?\",\"b?\",\"c?\"]}", "queries"),
                Arguments.of("{\"values\":" + values(2) + ",\"queries\":[\"a?\",\"b?\",\"c?\",\"" + longQuery
                        + "\"]}", "queries[3]"),
                Arguments.of(CUSTOM + ",\"iterations\":0}", "iterations"),
                Arguments.of(CUSTOM + ",\"iterations\":51}", "iterations"),
                Arguments.of(CUSTOM + ",\"candidates\":0}", "candidates"),
                Arguments.of(CUSTOM + ",\"candidates\":17}", "candidates"),
                Arguments.of(CUSTOM + ",\"samples\":0}", "samples"),
                Arguments.of(CUSTOM + ",\"samples\":9}", "samples"),
                Arguments.of(CUSTOM + ",\"alignedPoolSize\":0}", "alignedPoolSize"),
                Arguments.of(CUSTOM + ",\"alignedPoolSize\":51}", "alignedPoolSize"),
                Arguments.of(CUSTOM + ",\"noisyPoolSize\":0}", "noisyPoolSize"),
                Arguments.of(CUSTOM + ",\"noisyPoolSize\":51}", "noisyPoolSize"),
                Arguments.of(CUSTOM + ",\"beta\":0}", "beta"),
                Arguments.of(CUSTOM + ",\"beta\":-1}", "beta"),
                Arguments.of(CUSTOM + ",\"heldOut\":3}", "heldOut"),
                Arguments.of("{\"composition\":\"hh-balance-8\",\"heldOut\":79}", "heldOut"),
                Arguments.of("{\"composition\":\"hh-balance-8\",\"iterations\":\"many\"}", "iterations"),
                Arguments.of("{\"composition\":\"hh-balance-8\",\"preset\":\"huge\"}", "preset"),
                Arguments.of("{\"composition\":\"hh-balance-8\",\"judgeMode\":\"vibes\"}", "judgeMode"),
                Arguments.of("{\"composition\":\"hh-balance-8\",\"models\":{\"judge\":\"gpt-9\"}}", "models.judge"),
                Arguments.of("{\"composition\":\"hh-balance-8\",\"budget\":{\"maxCalls\":0}}", "budget.maxCalls"),
                Arguments.of("{\"values\":" + values(2) + "}", "queries"),
                // a typo must not silently run the preset's defaults
                Arguments.of("{\"composition\":\"confucianism-4\",\"iteratons\":30}", "iteratons"),
                Arguments.of("{\"composition\":\"hh-balance-8\",\"budget\":{\"maxCals\":5}}", "budget.maxCals"));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void badInputIsRejectedNamingTheFieldAndStoresNothing(String body, String field) {
        int before = given().get("/api/runs").then().extract().jsonPath().getList("$").size();
        given().contentType("application/json").body(body)
                .when().post("/api/runs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
        assertEquals(before, given().get("/api/runs").then().extract().jsonPath().getList("$").size());
    }

    @Test
    void everyMisspelledFieldIsNamedAtOnce() {
        given().contentType("application/json")
                .body("{\"composition\":\"confucianism-4\",\"iteratons\":30,\"budget\":{\"maxCals\":5}}")
                .when().post("/api/runs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid input"))
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("iteratons", "budget.maxCals"))
                .body("detail", containsString("iteratons: is not a known field"));
    }

    @Test
    void allViolationsAreReportedAtOnce() {
        given().contentType("application/json").body(CUSTOM + ",\"iterations\":0,\"beta\":0,\"samples\":99}")
                .when().post("/api/runs")
                .then().statusCode(400)
                .body("violations.field", hasItem("iterations"))
                .body("violations.field", hasItem("beta"))
                .body("violations.field", hasItem("samples"));
    }

    @Test
    void unknownRunIs404AndFinishedRunCannotBeCancelled() throws Exception {
        given().get("/api/runs/nope").then().statusCode(404).contentType("application/problem+json");
        given().post("/api/runs/nope/cancel").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/runs/nope/export").then().statusCode(404);

        String id = RunApi.start(CUSTOM + ",\"iterations\":1,\"candidates\":1,\"seed\":3}");
        RunApi.awaitFinished(id, java.time.Duration.ofSeconds(60));
        given().post("/api/runs/" + id + "/cancel").then().statusCode(409).contentType("application/problem+json");
        given().get("/api/runs/" + id + "/export?format=pdf").then().statusCode(400)
                .body("violations.field", hasItem("format"));
    }
}
