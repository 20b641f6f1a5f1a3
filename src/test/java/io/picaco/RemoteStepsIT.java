package io.picaco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One instance serves the step functions; another drives a run with {@code picaco.steps.mode=remote} against it.
 * The result equals the same seed run locally, although its select function answers the first request only after
 * the transaction timeout and the second with a 500. A remote step that answers 4xx fails its shards with the reason.
 */
class RemoteStepsIT {
    static final String RUN = "{\"composition\":\"modern-liberalism-4\",\"seed\":21,\"iterations\":2}";

    @Test
    void aRunWithRemoteStepsGivesTheSameResultAsALocalRun() throws Exception {
        Path dir = Files.createTempDirectory("picaco-remote");
        int fp = AppProcess.freePort();
        int rp = AppProcess.freePort();
        int bp = AppProcess.freePort();
        String base = "http://localhost:" + fp;
        try (FlakySelect flaky = new FlakySelect(base + "/select", Duration.ofSeconds(8));
                AppProcess functions = AppProcess.start(dir, "functions", fp, "picaco.cache.enabled=false");
                // transactions time out after 5 s here, so a select step called inside one would fail the run
                AppProcess remote = AppProcess.start(dir, "remote", rp, "picaco.steps.mode=remote",
                        "quarkus.transaction-manager.default-transaction-timeout=5s",
                        "picaco.steps.remote.propose.url=" + base + "/propose",
                        "picaco.steps.remote.sample.url=" + base + "/sample",
                        "picaco.steps.remote.score.url=" + base + "/score",
                        "picaco.steps.remote.select.url=" + flaky.url());
                AppProcess broken = AppProcess.start(dir, "broken", bp, "picaco.steps.mode=remote",
                        "picaco.steps.remote.propose.url=" + base + "/propose",
                        "picaco.steps.remote.sample.url=" + base + "/no-such-step",
                        "picaco.steps.remote.score.url=" + base + "/score",
                        "picaco.steps.remote.select.url=" + base + "/select")) {
            String viaRemote = remote.startRun(RUN);
            String local = functions.startRun(RUN);
            String failing = broken.startRun(RUN);
            JsonNode r = remote.awaitFinished(viaRemote, Duration.ofSeconds(120));
            JsonNode l = functions.awaitFinished(local, Duration.ofSeconds(120));
            assertEquals("DONE", r.get("status").asText(), r.toString());
            assertEquals("DONE", l.get("status").asText(), l.toString());
            assertEquals(l.get("best").get("text").asText(), r.get("best").get("text").asText());
            // instruction ids are per database; the iterations and their scores must agree
            assertEquals(l.get("trajectory").toString().replaceAll("\"instructionId\":\\d+", ""),
                    r.get("trajectory").toString().replaceAll("\"instructionId\":\\d+", ""));
            assertEquals(l.get("evaluation").toString(), r.get("evaluation").toString());
            assertTrue(r.get("usage").get("calls").asLong() > 0, "the remote instance's step functions report usage");
            assertTrue(flaky.requests.get() >= 4, "bootstrap and two iterations selected, one retried after the 500: "
                    + flaky.requests.get());

            JsonNode f = broken.awaitFinished(failing, Duration.ofSeconds(60));
            assertEquals("FAILED", f.get("status").asText(), f.toString());
            assertTrue(f.get("error").asText().contains("remote sample step answered 404"), f.get("error").asText());
            JsonNode steps = broken.get("/api/runs/" + failing + "/export?format=json").get("steps");
            assertTrue(steps.size() > 0 && steps.get(0).get("error").asText().contains("answered 404"),
                    "the reason is in the step log: " + steps);
        }
    }
}
