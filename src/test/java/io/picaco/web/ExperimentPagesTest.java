package io.picaco.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.picaco.store.Experiment;
import io.picaco.store.Run;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The experiment pages: the form (labelled fields, the estimate, errors inline with nothing stored, a good post
 * creating the experiment), and the page of a finished experiment (the paper-style table, a chart per cell with its
 * tables, the runs).
 */
@QuarkusTest
class ExperimentPagesTest {
    static final Set<String> FINISHED = Set.of("DONE", "FAILED", "CANCELLED", "BUDGET_EXHAUSTED");

    static long[] counts() {
        return QuarkusTransaction.requiringNew().call(() -> new long[] { Experiment.count(), Run.count() });
    }

    @Test
    void theFormHasLabelledFieldsTheDefaultMethodsAndAnEstimate() {
        String html = given().when().get("/experiments/new").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .extract().asString();
        for (String id : new String[] { "f-name", "f-compositions-harmlessness-4", "f-targets-0", "f-preset-quick",
                "f-preset-paper", "f-repeats", "f-iterations", "f-heldOut", "f-seed" }) {
            assertTrue(html.contains("<label for=\"" + id + "\""), "label for " + id);
            assertTrue(html.contains("id=\"" + id + "\""), "field " + id);
        }
        assertEquals(9, count(html, "name=\"methods\""), "a box per method");
        for (String m : new String[] { "bare", "q+if", "urial", "opro", "picaco", "picaco-no-redundancy",
                "picaco-no-noisy-pool", "picaco-no-enhancement", "picaco-single-round" }) {
            boolean ticked = Set.of("picaco", "q+if", "urial", "opro").contains(m);
            assertEquals(ticked, Pattern.compile("name=\"methods\" value=\"" + Pattern.quote(m) + "\" checked")
                    .matcher(html).find(), m + (ticked ? " ticked" : " not ticked"));
        }
        assertTrue(html.contains("name=\"targets\" value=\"target\" checked"));
        assertTrue(html.contains("id=\"estimate-calls\""), "the estimate is on the page");
        assertTrue(html.contains("data-estimate-url=\"/experiments/estimate\""), "the script refreshes it");
        assertFalse(html.contains("style="), "no inline styles (CSP)");
        assertTrue(html.contains("<a href=\"/experiments\">Experiments</a>"), "nav link");

        given().when().get("/experiments").then().statusCode(200)
                .body(containsString("href=\"/experiments/new\""), containsString("New experiment"));
    }

    @Test
    void theEstimateFragmentFollowsTheSettings() {
        String one = given().formParam("compositions", "harmlessness-4").formParam("methods", "picaco")
                .formParam("targets", "target").formParam("repeats", "1").formParam("preset", "quick")
                .when().post("/experiments/estimate").then().statusCode(200).extract().asString();
        String three = given().formParam("compositions", "harmlessness-4").formParam("methods", "picaco")
                .formParam("targets", "target").formParam("repeats", "3").formParam("preset", "quick")
                .when().post("/experiments/estimate").then().statusCode(200).extract().asString();
        assertTrue(one.contains("<strong id=\"estimate-runs\">1</strong>"), one);
        assertTrue(three.contains("<strong id=\"estimate-runs\">3</strong>"), three);
        given().formParam("methods", "picaco").formParam("repeats", "11").when().post("/experiments/estimate")
                .then().statusCode(200).body(containsString("No estimate yet"),
                        containsString("Compositions: tick at least one composition"),
                        containsString("Repeats: must be between 1 and 10"));
    }

    @Test
    void badInputComesBackWithErrorsNextToTheFieldsAndStoresNothing() {
        long[] before = counts();
        String html = given().formParam("methods", "oprah").formParam("methods", "picaco")
                .formParam("targets", "target").formParam("repeats", "11").formParam("seed", "abc")
                .formParam("iterations", "1").formParam("preset", "quick").formParam("name", "Keep <me>")
                .formParam("op", "start")
                .when().post("/experiments").then().statusCode(400).extract().asString();
        assertTrue(html.contains("<p class=\"field-error\" id=\"e-compositions\">tick at least one composition</p>"),
                html);
        assertTrue(html.contains("id=\"e-methods\">unknown method &#39;oprah&#39;")
                || html.contains("id=\"e-methods\">unknown method 'oprah'"), html);
        assertTrue(html.contains("<p class=\"field-error\" id=\"e-repeats\">must be between 1 and 10</p>"));
        assertTrue(html.contains("id=\"e-seed\">must be a whole number"));
        assertTrue(html.contains("id=\"error-summary\""));
        assertTrue(html.contains("value=\"11\""), "what was typed is kept");
        assertTrue(html.contains("value=\"Keep &lt;me&gt;\""), "and escaped");
        assertTrue(html.contains("name=\"methods\" value=\"picaco\" checked"), "ticks are kept");
        assertTrue(html.contains("aria-invalid=\"true\" aria-describedby=\"e-repeats\"")
                || html.contains("e-repeats\" aria-invalid=\"true\"") || html.contains("h-repeats e-repeats"));
        assertEquals(before[0], counts()[0], "no experiment stored");
        assertEquals(before[1], counts()[1], "no run stored");

        // a grid beyond the configured limits: 400 stating its size, never a 500
        var big = given().formParam("targets", "target").formParam("repeats", "10").formParam("preset", "paper")
                .formParam("op", "start");
        for (String c : new String[] { "helpfulness-4", "harmlessness-4", "confucianism-4", "schwartz-10",
                "hh-balance-8" }) {
            big = big.formParam("compositions", c);
        }
        for (String m : new String[] { "picaco", "opro", "urial", "picaco-no-redundancy", "picaco-no-noisy-pool" }) {
            big = big.formParam("methods", m);
        }
        big.when().post("/experiments").then().statusCode(400)
                .body(containsString("id=\"g-grid\""), containsString("250 runs"));
        assertEquals(before[0], counts()[0], "no experiment stored");
        // an unknown experiment
        given().when().get("/experiments/no-such-id").then().statusCode(404)
                .body(containsString("Experiment not found"));
    }

    @Test
    void aGoodPostStartsTheExperimentAndItsPageShowsTheTableChartAndRuns() throws Exception {
        // Runs left by earlier tests in this test app would queue ahead of this grid (parallel-runs at a time).
        java.util.List<java.util.Map<String, Object>> earlier = given().when().get("/api/runs").then()
                .statusCode(200).extract().jsonPath().getList("$");
        earlier.stream().filter(r -> "QUEUED".equals(r.get("status")) || "RUNNING".equals(r.get("status")))
                .forEach(r -> given().post("/api/runs/" + r.get("id") + "/cancel"));
        String location = given().redirects().follow(false)
                .formParam("compositions", "harmlessness-4").formParam("methods", "bare").formParam("methods", "q+if")
                .formParam("targets", "target").formParam("repeats", "1").formParam("preset", "quick")
                .formParam("iterations", "1").formParam("heldOut", "4").formParam("seed", "11")
                .formParam("name", "Form grid").formParam("op", "start")
                .when().post("/experiments").then().statusCode(303)
                .header("Location", matchesPattern(".*/experiments/[0-9a-f-]{36}$")).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().when().get("/api/experiments/" + id).then().statusCode(200);
        String running = given().when().get("/experiments/" + id).then().statusCode(200).extract().asString();
        assertTrue(running.contains("Form grid"));

        long end = System.nanoTime() + 120_000_000_000L;
        String status = "";
        while (System.nanoTime() < end && !FINISHED.contains(status)) {
            Thread.sleep(300);
            status = given().when().get("/api/experiments/" + id).then().extract().path("status");
        }
        assertEquals("DONE", status);
        String html = given().when().get("/experiments/" + id).then().statusCode(200)
                .body(not(containsString("Cancel experiment")), containsString("data-live=\"false\""),
                        not(containsString("http-equiv=\"refresh\"")))
                .extract().asString();
        // the paper's layout: methods as columns, a cell as a row, mean [lo, hi], the best in bold
        assertTrue(html.contains("<th scope=\"col\" class=\"num\">bare</th><th scope=\"col\" class=\"num\">q+if</th>"),
                html);
        assertTrue(html.contains("<th scope=\"row\">harmlessness-4 × target</th>"));
        assertTrue(Pattern.compile("<strong>\\d\\.\\d\\d \\[\\d\\.\\d\\d, \\d\\.\\d\\d]</strong>").matcher(html).find(),
                "a best mean in bold with its interval");
        // the chart and its text alternative
        assertTrue(html.contains("<svg class=\"chart\" id=\"chart-cell-0\""));
        assertTrue(html.contains("role=\"img\" aria-labelledby=\"chart-cell-0-t chart-cell-0-d\""));
        assertTrue(html.contains("class=\"whisker\""));
        assertTrue(html.contains("Per-value means"));
        assertTrue(html.contains("Friedman: χ²_F = "), "two methods give a Friedman line");
        Matcher runs = Pattern.compile("href=\"/runs/[0-9a-f-]{36}\"").matcher(html);
        assertTrue(runs.find(), "links to the runs");
        assertTrue(html.contains("Markdown report"));
    }

    @Test
    void runningExperimentsRefreshThemselvesAndCanBeCancelled() {
        String location = given().redirects().follow(false)
                .formParam("compositions", "helpfulness-4").formParam("methods", "picaco")
                .formParam("targets", "target").formParam("repeats", "2").formParam("preset", "quick")
                .formParam("seed", "12").formParam("op", "start")
                .when().post("/experiments").then().statusCode(303).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        String html = given().when().get("/experiments/" + id).then().statusCode(200).extract().asString();
        if (html.contains("data-live=\"true\"")) {
            assertTrue(html.contains("<noscript><meta http-equiv=\"refresh\" content=\"10\"></noscript>"));
            assertTrue(html.contains("id=\"cancel-button\""));
        }
        given().redirects().follow(false).when().post("/experiments/" + id + "/cancel").then().statusCode(303)
                .header("Location", containsString("/experiments/" + id));
        given().when().get("/api/experiments/" + id).then().statusCode(200)
                .body(matchesPattern("(?s).*\"status\":\"(CANCELLED|DONE)\".*"));
    }

    private static int count(String s, String what) {
        return s.split(Pattern.quote(what), -1).length - 1;
    }
}
