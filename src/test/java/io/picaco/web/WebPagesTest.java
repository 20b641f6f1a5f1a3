package io.picaco.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.picaco.api.RunService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class WebPagesTest {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Inject
    HostileRows hostile;
    @Inject
    RunService runs;

    static String start(String composition, int seed) {
        String location = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("source", "builtin").formParam("composition", composition)
                .formParam("querySource", "builtin").formParam("preset", "quick")
                .formParam("iterations", "1").formParam("candidates", "1").formParam("seed", Integer.toString(seed))
                .formParam("op", "start")
                .when().post("/runs")
                .then().statusCode(303).header("Location", matchesPattern(".*/runs/[0-9a-f-]{36}$"))
                .extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void runsListShowsRunsTheNewRunButtonAndTheSimulatorBanner() {
        String id = start("helpfulness-4", 5);
        given().when().get("/")
                .then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", CSP)
                .body(containsString("href=\"/runs/new\""), containsString("New run"),
                        containsString("/runs/" + id), containsString("Simulated models"),
                        containsString("<progress"), containsString("helpfulness-4"));
    }

    @Test
    void compositionsPageListsValueSetsAndTensions() {
        given().when().get("/compositions")
                .then().statusCode(200).header("Content-Security-Policy", CSP)
                .body(containsString("HH-Balance-8"), containsString("Tradition"),
                        containsString("keeping customs vs seeking novelty"),
                        containsString("Informativeness</strong> ↔ <strong>Privacy"), containsString("Start a run with HH-Balance-8"));
    }

    @Test
    void newRunFormHasLabelledFieldsEndpointsAndAnEstimate() {
        String html = given().when().get("/runs/new?composition=hh-balance-8")
                .then().statusCode(200).header("Content-Security-Policy", CSP)
                .extract().asString();
        assertTrue(html.contains("<option value=\"hh-balance-8\" selected>"), "composition preselected");
        assertTrue(html.contains("Estimate:"), "estimate shown before submitting");
        assertTrue(html.contains("model calls"));
        assertTrue(html.contains("sim-target"), "configured endpoints per role");
        assertTrue(html.contains("for=\"f-iterations\""));
        assertTrue(html.contains("Default: quick 4, paper 10."));
        assertFalse(html.contains("style=\""), "no inline styles under the CSP");
        assertFalse(html.matches("(?s).*<script>.*"), "no inline scripts under the CSP");
    }

    @Test
    void theFormStartsABaselineMethodAndTheRunPageSaysWhichMethodRan() {
        String location = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("source", "builtin").formParam("composition", "harmlessness-4")
                .formParam("querySource", "builtin").formParam("preset", "quick").formParam("seed", "4")
                .formParam("method", "q+if").formParam("op", "start")
                .when().post("/runs").then().statusCode(303).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().get("/api/runs/" + id).then().statusCode(200).body("parameters.method", equalTo("q+if"));
        given().get("/runs/" + id).then().statusCode(200).body(containsString("method <strong>q+if</strong>"));

        given().contentType("application/x-www-form-urlencoded")
                .formParam("source", "builtin").formParam("composition", "harmlessness-4")
                .formParam("querySource", "builtin").formParam("method", "best-guess").formParam("op", "start")
                .when().post("/runs").then().statusCode(400)
                .body(containsString("id=\"e-method\""), containsString("must be one of: bare, q+if"));
    }

    @Test
    void invalidInputComesBackInlineWith400AndWhatWasTyped() {
        String html = given().contentType("application/x-www-form-urlencoded")
                .formParam("name", "My <b>run</b>")
                .formParam("source", "custom")
                .formParam("values[0].name", "Thrift").formParam("values[0].definition", "Spending little.")
                .formParam("values[1].name", "Generosity").formParam("values[1].definition", "")
                .formParam("values[1].weight", "heavy")
                .formParam("querySource", "paste").formParam("queries", "one\ntwo")
                .formParam("preset", "quick").formParam("iterations", "99").formParam("candidates", "abc")
                .formParam("op", "start")
                .when().post("/runs")
                .then().statusCode(400).contentType(containsString("text/html"))
                .header("Content-Security-Policy", CSP)
                .extract().asString();
        assertTrue(html.contains("id=\"e-values-1-definition\""), "definition error next to its field");
        assertTrue(html.contains("id=\"e-values-1-weight\""), html);
        assertTrue(html.contains("id=\"e-iterations\">must be between 1 and 50"), "range error next to the field");
        assertTrue(html.contains("id=\"e-candidates\">must be a whole number"));
        assertTrue(html.contains("id=\"e-queries\""), "queries error next to the textarea");
        assertTrue(html.contains("value=\"99\""), "typed values kept");
        assertTrue(html.contains("value=\"abc\""));
        assertTrue(html.contains("value=\"heavy\""));
        assertTrue(html.contains("value=\"My &lt;b&gt;run&lt;/b&gt;\""), "typed values kept, escaped");
        assertTrue(html.contains(">one\ntwo</textarea>"));
        assertFalse(html.contains("Exception"), "no stack trace");
        assertFalse(html.contains("\tat "), "no stack trace");
    }

    @Test
    void addAndRemoveValueRowsWithoutScript() {
        String html = given().contentType("application/x-www-form-urlencoded")
                .formParam("source", "builtin").formParam("values[0].name", "A").formParam("values[1].name", "B")
                .formParam("op", "add-value")
                .when().post("/runs").then().statusCode(200).extract().asString();
        assertTrue(html.contains("name=\"values[2].name\""));
        assertTrue(html.contains("id=\"f-source-custom\" name=\"source\" value=\"custom\" checked"));
        html = given().contentType("application/x-www-form-urlencoded")
                .formParam("source", "custom").formParam("values[0].name", "A").formParam("values[1].name", "B")
                .formParam("op", "remove-value-0")
                .when().post("/runs").then().statusCode(200).extract().asString();
        assertTrue(html.contains("name=\"values[0].name\" type=\"text\" maxlength=\"80\" value=\"B\""), html);
        assertFalse(html.contains("name=\"values[1].name\""));
    }

    @Test
    void aValidFormStartsARunAndRedirectsToItsPage() {
        String id = start("confucianism-4", 7);
        given().when().get("/runs/" + id)
                .then().statusCode(200).header("Content-Security-Policy", CSP)
                .body(containsString("Confucianism-4"), containsString("id=\"live\""),
                        containsString("Export JSON"), containsString("/runs/new?from=" + id),
                        containsString("Response pools"), containsString("Held-out comparison"));
        given().when().get("/runs/" + id + "/live")
                .then().statusCode(200).body(containsString("id=\"live\""), not(containsString("<html")));
    }

    @Test
    void newRunWithTheSameSettingsIsPrefilled() {
        String id = start("modern-liberalism-4", 123);
        String html = given().when().get("/runs/new?from=" + id).then().statusCode(200).extract().asString();
        assertTrue(html.contains("<option value=\"modern-liberalism-4\" selected>"));
        assertTrue(html.contains("id=\"f-seed\" name=\"seed\" type=\"text\" inputmode=\"numeric\" value=\"123\""));
        assertTrue(html.contains("name=\"iterations\" type=\"text\" inputmode=\"decimal\" value=\"1\""), "non-default kept");
    }

    @Test
    void queriesCanBeUploadedAsCsv() {
        String csv = "query,topic\n\"How do I fix a bike chain?\",diy\nWhat is a good first pet?,pets\n"
                + "\"Explain tax brackets, simply\",money\nHow do I apologise to a friend?,people\n"
                + "Can you plan a cheap trip to Rome?,travel\n";
        String location = given().redirects().follow(false)
                .multiPart("source", "builtin").multiPart("composition", "helpfulness-4")
                .multiPart("querySource", "file")
                .multiPart("queriesFile", "queries.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("preset", "quick").multiPart("iterations", "1").multiPart("op", "start")
                .when().post("/runs")
                .then().statusCode(303).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        Response run = given().when().get("/api/runs/" + id);
        int training = run.path("parameters.trainingQueries");
        int heldOut = run.path("parameters.heldOutQueries");
        assertEquals(5, training + heldOut);
    }

    @Test
    void aBadUploadIsReportedNextToTheFileField() {
        given().multiPart("source", "builtin").multiPart("composition", "helpfulness-4")
                .multiPart("querySource", "file")
                .multiPart("queriesFile", "q.jsonl", "{\"query\": \"ok\"}\nnot json\n".getBytes(StandardCharsets.UTF_8),
                        "application/json")
                .multiPart("op", "start")
                .when().post("/runs")
                .then().statusCode(400).body(containsString("id=\"e-queriesFile\">line 2 is not valid JSON"));
    }

    @Test
    void estimateFragmentForTheFormScript() {
        given().contentType("application/x-www-form-urlencoded")
                .formParam("source", "builtin").formParam("composition", "hh-balance-8")
                .formParam("querySource", "builtin").formParam("preset", "quick")
                .when().post("/runs/estimate")
                .then().statusCode(200).body(containsString("id=\"estimate\""), containsString("model calls"));
        given().contentType("application/x-www-form-urlencoded")
                .formParam("source", "builtin").formParam("composition", "hh-balance-8")
                .formParam("preset", "quick").formParam("iterations", "0")
                .when().post("/runs/estimate")
                .then().statusCode(200).body(containsString("Iterations: must be between 1 and 50"));
    }

    @Test
    void modelAndUserTextIsEscapedEverywhere() {
        String id = given().contentType("application/json")
                .body("{\"composition\":\"helpfulness-4\",\"iterations\":1,\"candidates\":1,\"seed\":9,"
                        + "\"name\":\"Run <script>alert(1)</script>\"}")
                .when().post("/api/runs").then().statusCode(201).extract().path("id");
        runs.cancel(id);
        hostile.insert(id, "informativeness");
        String html = given().when().get("/runs/" + id + "?pool=aligned&sort=tau")
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("Here you go: &lt;script&gt;alert(1)&lt;/script&gt;"), "response shown as text");
        assertTrue(html.contains("It said &lt;script&gt;alert(1)&lt;/script&gt;"), "judge's reason shown as text");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "instruction shown as text");
        assertTrue(html.contains("Run &lt;script&gt;alert(1)&lt;/script&gt;"), "name shown as text");
        assertFalse(html.contains("<script>alert(1)"), "no raw script tag");
        assertFalse(html.contains("<img src=x"), "no raw img tag");
        String list = given().when().get("/").then().statusCode(200).extract().asString();
        assertFalse(list.contains("<script>alert(1)"));
    }

    @Test
    void poolBrowserFiltersByValueAndSorts() {
        String id = start("helpfulness-4", 21);
        runs.cancel(id);
        hostile.insert(id, "clarity");
        String html = given().when().get("/runs/" + id + "?pool=aligned&value=clarity&sort=rating")
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("<option value=\"clarity\" selected>"));
        assertTrue(html.contains("<th scope=\"row\">Clarity</th>"));
        assertFalse(html.contains("<th scope=\"row\">Relevance</th>"), "other values filtered out");
        given().when().get("/runs/" + id + "?pool=noisy")
                .then().statusCode(200).body(containsString("in the noisy pool"));
    }

    @Test
    void cancelButtonStopsTheRunAndReturnsToItsPage() {
        String id = start("schwartz-10", 4);
        given().redirects().follow(false).when().post("/runs/" + id + "/cancel")
                .then().statusCode(303).header("Location", containsString("/runs/" + id));
        given().when().get("/api/runs/" + id).then().body("status", equalTo("CANCELLED"));
    }

    @Test
    void unknownRunIsAFriendly404Page() {
        given().when().get("/runs/no-such-run")
                .then().statusCode(404).contentType(containsString("text/html"))
                .header("Content-Security-Policy", CSP)
                .body(containsString("Run not found"), containsString("href=\"/runs/new\""));
        given().when().get("/runs/<b>x</b>/live").then().statusCode(404).body(not(containsString("<b>x</b>")));
        given().when().get("/api/runs/no-such-run")
                .then().statusCode(404).contentType(containsString("application/problem+json"));
    }

    @Test
    void staticAssetsAreServedFromTheApp() {
        given().when().get("/picaco.css").then().statusCode(200).contentType(containsString("text/css"));
        given().when().get("/picaco.js").then().statusCode(200).body(containsString("DOMParser"));
    }
}
