package io.picaco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A run whose result is pinned: the best instruction, and the trajectory and optimized Ĵ to four decimals (decisions
 * compare scores to 1e-6, so four decimals are what any machine must reproduce). The same expectation is checked under
 * the test profile and on the packaged app, and on every CPU that runs the tests; the file says which CPU recorded it.
 */
public record PinnedRun(String request, String best, List<Double> trajectory, double optimizedJHat, String recordedOn) {
    static final double PRECISION = 0.5e-4;

    public static final PinnedRun CONFUCIANISM_SEED_7 = load("pinned/confucianism-4-seed-7.json");

    static PinnedRun load(String resource) {
        try (InputStream in = PinnedRun.class.getClassLoader().getResourceAsStream(resource)) {
            JsonNode n = new ObjectMapper().readTree(in);
            List<Double> trajectory = new ArrayList<>();
            n.get("trajectory").forEach(t -> trajectory.add(t.asDouble()));
            return new PinnedRun(n.get("request").toString(), n.get("best").asText(), trajectory,
                    n.get("optimizedJHat").asDouble(), n.get("recordedOn").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that a finished run (as GET /api/runs/{id} answers) is the pinned one. */
    public void assertMatches(String actualBest, List<Double> actualTrajectory, double actualOptimizedJHat) {
        String where = " (expected values recorded on: " + recordedOn + ")";
        assertEquals(best, actualBest, "best instruction" + where);
        assertEquals(trajectory.size(), actualTrajectory.size(), "iterations: " + actualTrajectory + where);
        for (int t = 0; t < trajectory.size(); t++) {
            assertEquals(trajectory.get(t), actualTrajectory.get(t), PRECISION,
                    "Ĵ at iteration " + t + ": " + actualTrajectory + where);
        }
        assertEquals(optimizedJHat, actualOptimizedJHat, PRECISION, "held-out Ĵ of the optimized instruction" + where);
    }

    public void assertMatches(JsonNode run) {
        List<Double> actual = new ArrayList<>();
        run.get("trajectory").forEach(t -> actual.add(t.get("jHat").asDouble()));
        assertMatches(run.get("best").get("text").asText(), actual,
                run.get("evaluation").get("optimized").get("jHat").asDouble());
    }
}
