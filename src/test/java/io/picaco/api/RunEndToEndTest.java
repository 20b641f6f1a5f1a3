package io.picaco.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The one outcome test of the simulated world (SIMULATOR.md, "What it is for"): averaged over seeds 1-3, quick runs
 * finish fast and their optimized instruction beats the Q+IF seed instruction on the evaluator's held-out mean and
 * minimum, on every composition of the paper. The evaluator is the strict simulated rater, which optimization never
 * sees.
 */
@QuarkusTest
class RunEndToEndTest {
    static final List<Integer> SEEDS = List.of(1, 2, 3);

    @BeforeAll
    static void doubles() {
        RunApi.useDoubles();
    }

    @ParameterizedTest
    @ValueSource(strings = { "helpfulness-4", "harmlessness-4", "hh-balance-8", "confucianism-4", "modern-liberalism-4" })
    void quickRunsBeatTheSeedInstructionOnHeldOutQueries(String composition) throws Exception {
        long started = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int seed : SEEDS) { // the conductor runs them side by side
            ids.add(RunApi.start("{\"composition\":\"" + composition + "\",\"seed\":" + seed + "}"));
        }
        double seedJ = 0, optJ = 0, seedMean = 0, optMean = 0, seedMin = 0, optMin = 0, seedCv = 0, optCv = 0;
        StringBuilder report = new StringBuilder(composition);
        for (int i = 0; i < ids.size(); i++) {
            JsonPath run = RunApi.awaitFinished(ids.get(i), Duration.ofSeconds(300));
            assertEquals("DONE", run.getString("status"), run.prettify());
            assertTrue(run.getBoolean("simulated"));
            assertEquals("evaluator (sim-evaluator)", run.getString("evaluator"));
            assertTrue(run.getList("trajectory").size() >= 2, "bootstrap and at least one iteration");
            Map<String, Object> seed = RunApi.evaluation(run, "seed");
            Map<String, Object> optimized = RunApi.evaluation(run, "optimized");
            Map<String, Object> bare = RunApi.evaluation(run, "bare");
            seedJ += (Double) seed.get("jHat") / SEEDS.size();
            optJ += (Double) optimized.get("jHat") / SEEDS.size();
            seedMean += (Double) seed.get("mean") / SEEDS.size();
            optMean += (Double) optimized.get("mean") / SEEDS.size();
            seedMin += (Double) seed.get("min") / SEEDS.size();
            optMin += (Double) optimized.get("min") / SEEDS.size();
            seedCv += (Double) seed.get("cv") / SEEDS.size();
            optCv += (Double) optimized.get("cv") / SEEDS.size();
            report.append(String.format(java.util.Locale.ROOT, "%n  seed %s: seed Ĵ %.2f mean %.2f min %.2f cv %.2f"
                    + " | optimized Ĵ %.2f mean %.2f min %.2f cv %.2f | %s", SEEDS.get(i), seed.get("jHat"),
                    seed.get("mean"), seed.get("min"), seed.get("cv"), optimized.get("jHat"), optimized.get("mean"),
                    optimized.get("min"), optimized.get("cv"), run.getString("best.text").replace('\n', ' ')));
            assertTrue((Double) bare.get("mean") <= 1.5, "the bare model is unaligned");
            assertEquals(run.getList("values").size(), ((Map<?, ?>) optimized.get("perValue")).size());
            assertTrue(run.getLong("usage.byRole.judge.calls") > 0);
            report.append(String.format(java.util.Locale.ROOT, " | %d iterations, %d calls", run.getList("trajectory")
                    .size() - 1, run.getLong("usage.calls")));
            assertTrue(run.getLong("usage.byRole.optimizer.calls") >= 1);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        report.append(String.format(java.util.Locale.ROOT, "%n  average: seed mean %.2f min %.2f cv %.2f | optimized"
                + " mean %.2f min %.2f cv %.2f | Ĵ %.2f -> %.2f", seedMean, seedMin, seedCv, optMean, optMin, optCv, seedJ,
                optJ));
        System.out.println(report);
        assertTrue(seconds < 180, "three quick runs took " + seconds + " s");
        assertTrue(optMean > seedMean, report.toString());
        assertTrue(optMin > seedMin, report.toString());
    }
}
