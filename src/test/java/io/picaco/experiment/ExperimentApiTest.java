package io.picaco.experiment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.picaco.api.RunViews;
import io.picaco.conductor.RunSpec;
import io.picaco.store.Experiment;
import io.picaco.store.ResponseRow;
import io.picaco.store.Run;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The experiments API end to end on the simulator: a small grid finishes DONE with intervals, tests and reports;
 * every method of a cell and repeat is rated on the same held-out queries; bad input is refused with nothing
 * stored; cancel stops every run.
 */
@QuarkusTest
class ExperimentApiTest {
    static final Set<String> FINISHED = Set.of("DONE", "FAILED", "CANCELLED", "BUDGET_EXHAUSTED");
    static final String GRID = """
            {"name": "Small grid", "compositions": ["helpfulness-4", "confucianism-4"],
             "methods": ["bare", "q+if", "picaco", "picaco-single-round"], "repeats": 2, "seed": 5,
             "preset": "quick", "iterations": 2, "candidates": 2,
             "evaluation": {"heldOut": 6, "samples": 2}, "budget": {"maxCalls": 100000}}""";

    static long count(Class<?> entity) {
        return QuarkusTransaction.requiringNew().call(() -> entity == Run.class ? Run.count() : Experiment.count());
    }

    static JsonPath get(String id) {
        return given().when().get("/api/experiments/" + id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitFinished(String id, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            JsonPath e = get(id);
            if (FINISHED.contains(e.getString("status"))) {
                return e;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("experiment " + id + " did not finish within " + timeout + ": "
                + get(id).getString("progress"));
    }

    @Test
    void aSmallGridFinishesWithIntervalsTestsAndReports() throws Exception {
        String id = given().contentType("application/json").body(GRID).when().post("/api/experiments")
                .then().statusCode(201).header("Location", containsString("/api/experiments/"))
                .body("status", equalTo("QUEUED")).body("runs", equalTo(8)) // 2 cells × 2 repeats × 2 that run
                .extract().path("id");
        given().when().get("/api/runs").then().statusCode(200).body("experimentId", hasItem(id));
        given().when().get("/api/experiments").then().statusCode(200).body("id", hasItem(id));

        JsonPath e = awaitFinished(id, Duration.ofMinutes(8));
        assertEquals("DONE", e.getString("status"), e.prettify());
        assertEquals(8, e.getInt("progress.runsDone"));
        assertEquals(8, e.getInt("progress.runsTotal"));
        assertNull(e.get("error"));
        assertTrue(e.getLong("usage.calls") > 0);
        assertEquals("evaluator (sim-evaluator)", e.getString("setup.evaluator"), "the evaluator role rates held-out responses");
        List<Map<String, Object>> cells = e.getList("cells");
        assertEquals(2, cells.size());
        for (int c = 0; c < 2; c++) {
            String cell = "cells[" + c + "].";
            assertEquals(12, e.getInt(cell + "units"), "6 held-out queries × 2 repeats");
            assertEquals(List.of("bare", "q+if", "picaco", "picaco-single-round"),
                    e.getList(cell + "methods.method"));
            assertEquals(3, e.getInt(cell + "friedman.df"));
            assertNotNull(e.get(cell + "friedman.p"));
            for (int m = 0; m < 4; m++) {
                String method = cell + "methods[" + m + "].";
                double mean = e.getDouble(method + "mean");
                List<Float> ci = e.getList(method + "ci", Float.class);
                assertTrue(ci.get(0) <= mean + 1e-6 && mean <= ci.get(1) + 1e-6, method + " " + ci + " " + mean);
                assertTrue(mean >= 1 && mean <= 5);
                assertNotNull(e.get(method + "min"));
                assertNotNull(e.get(method + "cv"));
                assertNotNull(e.get(method + "meanRank"));
                assertEquals(4, e.getMap(method + "perValue").size());
                if (m == 2) {
                    assertNull(e.get(method + "vsPicaco"));
                } else {
                    double p = e.getDouble(method + "vsPicaco.p");
                    double pHolm = e.getDouble(method + "vsPicaco.pHolm");
                    assertTrue(p >= 0 && p <= 1 && pHolm >= p - 1e-12 && pHolm <= 1, method + " p " + p);
                    assertEquals(2, e.getList(method + "vsPicaco.ci").size());
                }
            }
            assertEquals(0, e.getLong(cell + "methods[0].calls"), "bare spends no run of its own");
            assertTrue(e.getLong(cell + "methods[2].calls") > 0);
        }
        pairedDesign(id);

        String md = given().when().get("/api/experiments/" + id + "/report?format=markdown").then().statusCode(200)
                .contentType(containsString("text/markdown")).extract().asString();
        // kept for reading (docs, reviews): the report of this grid on the simulator
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "experiment-report-sample.md"), md);
        assertTrue(md.contains("# Small grid"), md);
        assertTrue(md.contains("**Evaluator**: evaluator \\(sim-evaluator\\)"), md);
        assertTrue(md.contains("6 held-out queries per cell and repeat"), md);
        assertTrue(md.contains("**Repeats**: 2"), md);
        assertTrue(md.contains("## helpfulness-4 × target"), md);
        assertTrue(md.contains("12 units (6 queries × 2 repeats"), md);
        assertTrue(md.contains("| picaco-single-round | "), md);
        assertTrue(md.contains("Friedman: χ²_F = "), md);
        String csv = given().when().get("/api/experiments/" + id + "/report?format=csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(1 + 2 * 4, lines.length, csv);
        assertTrue(lines[0].startsWith("experiment,composition,target,units"), lines[0]);
        assertTrue(lines[3].contains("\"picaco\""), lines[3]);
        JsonPath json = given().when().get("/api/experiments/" + id + "/report?format=json").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(e.getList("cells"), json.getList("cells"), "JSON report = the GET body");
        given().when().get("/api/experiments/" + id + "/report?format=pdf").then().statusCode(400)
                .body("violations[0].field", equalTo("format"));
        given().when().post("/api/experiments/" + id + "/cancel").then().statusCode(409);

        String page = given().when().get("/experiments/" + id).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(page.contains("helpfulness-4 × target") && page.contains("Friedman: χ²_F = "), page);
        assertTrue(page.contains("<strong>"), "the best mean is in bold");
        for (Object run : e.getList("runs.id")) {
            assertTrue(page.contains("href=\"/runs/" + run + "\""), "links to every run");
        }
    }

    /** Within a cell and repeat every run has the same held-out queries, the same unit keys, and its run budget. */
    void pairedDesign(String id) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<Run> runs = Run.list("experimentId", id);
            assertEquals(8, runs.size());
            Map<String, List<String>> heldOutByCell = new HashMap<>();
            Map<String, Set<Integer>> queriesByCell = new HashMap<>();
            long budget = 0;
            for (Run r : runs) {
                RunSpec spec = RunViews.spec(r);
                String key = r.composition + "/" + spec.seed();
                assertEquals(6, spec.heldOut().size());
                assertEquals(2, spec.evalSamples());
                List<String> before = heldOutByCell.putIfAbsent(key, spec.heldOut());
                if (before != null) {
                    assertEquals(before, spec.heldOut(), "same held-out queries in " + key);
                }
                Set<Integer> units = new TreeSet<>();
                ResponseRow.<ResponseRow>list("runId = ?1 and split = ?2", r.id, ResponseRow.TEST)
                        .forEach(x -> units.add(x.queryIndex));
                Set<Integer> seen = queriesByCell.putIfAbsent(key, units);
                if (seen != null) {
                    assertEquals(seen, units, "same unit keys in " + key);
                }
                budget += spec.budget().maxCalls();
            }
            assertEquals(4, heldOutByCell.size(), "2 compositions × seeds 5 and 6");
            assertNotEquals(heldOutByCell.get("helpfulness-4/5"), heldOutByCell.get("helpfulness-4/6"));
            assertTrue(budget <= 100000 && budget > 99000, "the grid's budget, split: " + budget);
        });
    }

    @Test
    void theEstimateCoversTheWholeGridAndStoresNothing() {
        long runs = count(Run.class);
        JsonPath one = given().contentType("application/json")
                .body("{\"compositions\": [\"helpfulness-4\"], \"methods\": [\"picaco\"], \"seed\": 3}")
                .when().post("/api/experiments/estimate").then().statusCode(200).extract().jsonPath();
        assertEquals(1, one.getInt("runs"));
        assertEquals(16, one.getInt("units"), "16 held-out queries per cell by default, even with quick");
        JsonPath grid = given().contentType("application/json")
                .body("{\"compositions\": [\"helpfulness-4\", \"confucianism-4\"], \"methods\": [\"bare\", \"q+if\", "
                        + "\"picaco\", \"picaco-single-round\"], \"repeats\": 3, \"seed\": 3}")
                .when().post("/api/experiments/estimate").then().statusCode(200).extract().jsonPath();
        assertEquals(12, grid.getInt("runs"), "bare and q+if need no runs of their own");
        assertEquals(48, grid.getInt("units"));
        assertTrue(grid.getLong("calls") > 6 * one.getLong("calls"), grid.prettify());
        assertEquals(0L, grid.getLong("callsByMethod.bare"));
        assertEquals(grid.getLong("calls"), grid.getLong("callsByMethod.picaco")
                + grid.getLong("callsByMethod.picaco-single-round"));
        assertEquals(runs, count(Run.class));
    }

    static Stream<Arguments> badRequests() {
        String ok = "\"compositions\": [\"helpfulness-4\"], \"methods\": [\"picaco\"]";
        return Stream.of(
                Arguments.of("{\"methods\": [\"picaco\"]}", "compositions"),
                Arguments.of("{\"compositions\": [\"nope-3\"], \"methods\": [\"picaco\"]}", "compositions[0]"),
                Arguments.of("{\"compositions\": [\"helpfulness-4\"], \"methods\": []}", "methods"),
                Arguments.of("{\"compositions\": [\"helpfulness-4\"]}", "methods"),
                Arguments.of("{\"compositions\": [\"helpfulness-4\"], \"methods\": [\"picaco\", \"oprah\"]}",
                        "methods[1]"),
                Arguments.of("{\"compositions\": [\"helpfulness-4\"], \"methods\": [\"picaco\", \"picaco\"]}",
                        "methods[1]"),
                Arguments.of("{" + ok + ", \"targets\": [\"gpt-9\"]}", "targets[0]"),
                Arguments.of("{" + ok + ", \"targets\": []}", "targets"),
                Arguments.of("{" + ok + ", \"repeats\": 0}", "repeats"),
                Arguments.of("{" + ok + ", \"repeats\": 11}", "repeats"),
                Arguments.of("{" + ok + ", \"evaluation\": {\"heldOut\": 1}}", "evaluation.heldOut"),
                Arguments.of("{" + ok + ", \"evaluation\": {\"samples\": 9}}", "evaluation.samples"),
                Arguments.of("{" + ok + ", \"evaluation\": {\"querySet\": \"tweets\"}}", "evaluation.querySet"),
                Arguments.of("{" + ok + ", \"models\": {\"evaluator\": \"gpt-9\"}}", "models.evaluator"),
                Arguments.of("{" + ok + ", \"models\": {\"target\": \"target\"}}", "models.target"),
                Arguments.of("{" + ok + ", \"method\": \"picaco\"}", "method"),
                Arguments.of("{" + ok + ", \"iterations\": 0}", "iterations"),
                Arguments.of("{" + ok + ", \"budget\": {\"maxCalls\": 0}}", "budget.maxCalls"),
                Arguments.of("{\"compositions\": [null], \"methods\": [\"picaco\"]}", "compositions[0]"),
                Arguments.of("{\"compositions\": [\"helpfulness-4\", \"helpfulness-4\"], \"methods\": [\"picaco\"]}",
                        "compositions[1]"),
                Arguments.of("{" + ok + ", \"targets\": [null]}", "targets[0]"),
                Arguments.of("{" + ok + ", \"name\": \" \"}", "name"),
                Arguments.of("{" + ok + ", \"seed\": -1}", "seed"),
                Arguments.of("[]", "body"),
                // custom values with 8 queries cannot hold out the default 16
                Arguments.of("{\"values\": [{\"id\": \"a\", \"name\": \"A\", \"definition\": \"Be a.\"}, "
                        + "{\"id\": \"b\", \"name\": \"B\", \"definition\": \"Be b.\"}], \"queries\": "
                        + "[\"q1?\", \"q2?\", \"q3?\", \"q4?\", \"q5?\", \"q6?\", \"q7?\", \"q8?\"], "
                        + "\"methods\": [\"picaco\"]}", "evaluation.heldOut"),
                // 3 compositions × 3 methods × 10 repeats of 50 paper iterations: about 2.3 million calls
                Arguments.of("{\"compositions\": [\"helpfulness-4\", \"confucianism-4\", \"hh-balance-8\"], "
                        + "\"methods\": [\"picaco\", \"opro\", \"picaco-no-enhancement\"], "
                        + "\"preset\": \"paper\", \"iterations\": 50, \"candidates\": 4, \"repeats\": 10}",
                        "estimate"));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void badInputIsRefusedNamingTheFieldAndNothingIsStored(String body, String field) {
        long runs = count(Run.class);
        long experiments = count(Experiment.class);
        for (String path : List.of("/api/experiments", "/api/experiments/estimate")) {
            given().contentType("application/json").body(body).when().post(path).then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem(field));
        }
        assertEquals(runs, count(Run.class));
        assertEquals(experiments, count(Experiment.class));
    }

    @Test
    void cancelStopsEveryRunAndTheNameIsEscapedInTheReport() {
        String id = given().contentType("application/json").body("""
                {"name": "<b>x</b> | *y*", "compositions": ["helpfulness-4"], "methods": ["picaco"], "repeats": 2,
                 "seed": 9, "iterations": 3}""").when().post("/api/experiments").then().statusCode(201)
                .body("runs", equalTo(2)).extract().path("id");
        given().when().post("/api/experiments/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("progress.runsDone", equalTo(2))
                .body("runs.status", equalTo(List.of("CANCELLED", "CANCELLED")));
        given().when().post("/api/experiments/" + id + "/cancel").then().statusCode(409)
                .contentType("application/problem+json");
        String md = given().when().get("/api/experiments/" + id + "/report").then().statusCode(200).extract()
                .asString();
        assertTrue(md.startsWith("# &lt;b&gt;x&lt;/b&gt; \\| \\*y\\*\n"), md);
        assertFalse(md.contains("<b>"), md);
        given().when().get("/api/experiments/nope").then().statusCode(404).contentType("application/problem+json");
        String page = given().when().get("/experiments/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("&lt;b&gt;x&lt;/b&gt;") && !page.contains("<b>x"), page);
        given().when().get("/experiments").then().statusCode(200).body(containsString("/experiments/" + id));
        given().when().get("/experiments/nope").then().statusCode(404).contentType(containsString("text/html"));
        given().when().post("/api/experiments/nope/cancel").then().statusCode(404);
    }

    @Test
    void anOutOfDistributionSetSuppliesTheHeldOutQueriesAndTheEvaluatorIsRecorded() {
        String id = given().contentType("application/json").body("""
                {"compositions": ["confucianism-4"], "methods": ["q+if", "picaco"], "repeats": 2, "seed": 4,
                 "evaluation": {"querySet": "hh"}, "models": {"evaluator": "judge"}}""")
                .when().post("/api/experiments").then().statusCode(201).body("runs", equalTo(2)).extract().path("id");
        given().when().post("/api/experiments/" + id + "/cancel").then().statusCode(200);
        given().when().get("/api/experiments/" + id).then().statusCode(200)
                .body("setup.querySet", equalTo("hh")).body("setup.evaluator", equalTo("judge (sim-judge)"))
                .body("setup.baselinesFrom", equalTo("picaco")).body("cells[0].methods.method",
                        equalTo(List.of("q+if", "picaco")));
        Set<String> hh = Set.copyOf(io.picaco.core.QuerySets.load("hh"));
        QuarkusTransaction.requiringNew().run(() -> {
            List<List<String>> heldOut = new ArrayList<>();
            for (Run r : Run.<Run>list("experimentId", id)) {
                RunSpec spec = RunViews.spec(r);
                assertEquals(16, spec.heldOut().size());
                assertTrue(hh.containsAll(spec.heldOut()), "held out from the hh set");
                assertTrue(spec.heldOut().stream().noneMatch(spec.training()::contains));
                assertFalse(hh.containsAll(spec.training()), "training stays on the composition's own set");
                assertEquals("judge", spec.models().get("evaluator"));
                heldOut.add(spec.heldOut());
            }
            assertEquals(2, heldOut.size());
            assertNotEquals(heldOut.get(0), heldOut.get(1), "each repeat draws with its own seed");
        });
    }

    @Test
    void unitsAreRatedOnlyOnceARunHasBeenEvaluated() {
        // a pure check of the keys: sorted by index, fixed width, so units line up across methods
        List<String> keys = new ArrayList<>();
        for (int q : new int[] { 10, 2, 0 }) {
            keys.add(ExperimentViews.unitKey(q));
        }
        assertEquals(List.of("q010", "q002", "q000"), keys);
        assertEquals(List.of("q000", "q002", "q010"), keys.stream().sorted().toList());
    }
}
