package io.picaco.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The foundation's promise: a quick run on the simulator finishes fast and beats the seed on held-out queries. */
@QuarkusTest
class RunEndToEndTest {

    @BeforeAll
    static void doubles() {
        RunApi.useDoubles();
    }

    @ParameterizedTest
    @ValueSource(strings = { "confucianism-4", "modern-liberalism-4", "hh-balance-8" })
    void quickRunBeatsTheSeedInstructionOnHeldOutQueries(String composition) throws Exception {
        long started = System.nanoTime();
        String id = RunApi.start("{\"composition\":\"" + composition + "\",\"seed\":7}");
        JsonPath run = RunApi.awaitFinished(id, Duration.ofSeconds(60));
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertEquals("DONE", run.getString("status"), run.prettify());
        assertTrue(seconds < 60, "took " + seconds + " s");
        assertTrue(run.getBoolean("simulated"));
        assertEquals(4, run.getList("trajectory").size() - 1, "bootstrap + 4 iterations (unless stopped early)");

        Map<String, Object> seed = RunApi.evaluation(run, "seed");
        Map<String, Object> optimized = RunApi.evaluation(run, "optimized");
        Map<String, Object> bare = RunApi.evaluation(run, "bare");
        double seedJ = (Double) seed.get("jHat"), optJ = (Double) optimized.get("jHat");
        double seedMin = (Double) seed.get("min"), optMin = (Double) optimized.get("min");
        double seedCv = (Double) seed.get("cv"), optCv = (Double) optimized.get("cv");
        assertTrue(optJ > seedJ, composition + ": Ĵ optimized " + optJ + " vs seed " + seedJ);
        assertTrue(optMin > seedMin, composition + ": min optimized " + optMin + " vs seed " + seedMin + "; trajectory "
                + run.getList("trajectory.jHat") + "; optimized " + optimized.get("perValue") + "; best "
                + run.getString("best.text"));
        assertTrue(optCv < seedCv, composition + ": CV optimized " + optCv + " vs seed " + seedCv);
        assertTrue((Double) bare.get("mean") <= 1.5, "the bare model is unaligned");
        assertEquals(run.getList("values").size(), ((Map<?, ?>) optimized.get("perValue")).size());
        assertTrue(run.getLong("usage.calls") > 0);
        assertTrue(run.getLong("usage.byRole.judge.calls") > 0);
        assertTrue(run.getLong("usage.byRole.optimizer.calls") >= 4);
    }
}
