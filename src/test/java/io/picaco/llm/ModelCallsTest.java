package io.picaco.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.picaco.steps.ProposeInput;
import io.picaco.steps.ProposeStep;
import io.picaco.steps.SampleInput;
import io.picaco.steps.SampleOutput;
import io.picaco.steps.SampleStep;
import io.picaco.steps.ScoreInput;
import io.picaco.steps.ScoreOutput;
import io.picaco.steps.ScoreStep;
import io.picaco.steps.ValueInput;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The real client path against a local OpenAI-compatible stub: request shapes, retries, repair, logprobs, cache. */
@QuarkusTest
@QuarkusTestResource(value = StubOpenAi.class, restrictToAnnotatedClass = true)
class ModelCallsTest {
    static final List<ValueInput> VALUES = List.of(new ValueInput("care", "Care", "Looking after people.", null),
            new ValueInput("candour", "Candour", "Saying plainly what is true.", null));

    @Inject
    SampleStep sample;
    @Inject
    ScoreStep score;
    @Inject
    ProposeStep propose;

    static int counter;

    @BeforeEach
    void reset() {
        StubOpenAi.reset();
    }

    /** A query never asked before, so the durable cache cannot answer it. */
    static String fresh(String text) {
        return text + " #" + (++counter) + " " + System.nanoTime();
    }

    SampleOutput sampleOne(String query, int index) {
        return sample.sample(new SampleInput(List.of(new SampleInput.Item("x", "Be kind.", query, index)), 9L, 0.7,
                null));
    }

    @Test
    void targetRequestShape() {
        String q = fresh("How do I apologise?");
        sampleOne(q, 0);
        JsonNode r = StubOpenAi.requests.get(0);
        assertEquals("stub-target", r.path("model").asText());
        assertEquals("system", r.path("messages").get(0).path("role").asText());
        assertEquals("Be kind.", r.path("messages").get(0).path("content").asText());
        assertEquals("user", r.path("messages").get(1).path("role").asText());
        assertEquals(q, r.path("messages").get(1).path("content").asText());
        assertEquals(0.7, r.path("temperature").asDouble(), 1e-9);
        assertTrue(r.path("seed").isInt());
        assertFalse(r.has("logprobs") && r.path("logprobs").asBoolean());
        assertEquals(List.of("Bearer stub-secret-key"), StubOpenAi.headers.get(0).get("Authorization"));
    }

    @Test
    void judgeRequestShapeAsksForLogprobsAndCarriesTheBlock() {
        ScoreOutput out = score.score(new ScoreInput(VALUES, null, List.of(new ScoreInput.Item("i", fresh("q?"),
                "An answer.")), null, true, 3L, null));
        JsonNode r = StubOpenAi.requests.get(0);
        assertEquals("stub-judge", r.path("model").asText());
        assertEquals(0.0, r.path("temperature").asDouble(), 1e-9);
        assertTrue(r.path("logprobs").asBoolean());
        assertEquals(5, r.path("top_logprobs").asInt());
        String user = r.path("messages").get(1).path("content").asText();
        assertTrue(user.contains("\"task\":\"judge\"") && user.contains("\"id\":\"care\""), user);
        assertEquals(Map.of("care", 4.0, "candour", 4.0), out.items().get(0).ratings());
        assertNotNull(out.items().get(0).redundancy());
    }

    @Test
    void optimizerRequestShape() {
        var out = propose.propose(new ProposeInput(VALUES, List.of(), List.of("care"), List.of(), List.of(), 2, 800,
                List.of(fresh("earlier")), 4L, null));
        JsonNode r = StubOpenAi.requests.get(0);
        assertEquals("stub-optimizer", r.path("model").asText());
        assertTrue(r.path("messages").get(1).path("content").asText().contains("\"task\":\"propose\""));
        assertEquals(2, out.candidates().size());
    }

    @Test
    void rateLimitWaitsForRetryAfter() {
        StubOpenAi.script.add(r -> StubOpenAi.Answer.error(429, Map.of("Retry-After", "2")));
        long t0 = System.nanoTime();
        SampleOutput out = sampleOne(fresh("q"), 0);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertNull(out.responses().get(0).error());
        assertEquals(2, StubOpenAi.requests.size());
        assertTrue(ms >= 1900, "waited " + ms + " ms; the server asked for 2 s (our own backoff is 50 ms)");
        assertEquals(1, out.usage().retries());
        assertEquals(1, out.usage().calls());
    }

    @Test
    void serverErrorThenSuccess() {
        StubOpenAi.script.add(r -> StubOpenAi.Answer.error(500, Map.of()));
        SampleOutput out = sampleOne(fresh("q"), 0);
        assertNull(out.responses().get(0).error());
        assertEquals(2, StubOpenAi.requests.size());
        assertEquals(1, out.usage().retries());
    }

    @Test
    void timeoutIsRetried() {
        StubOpenAi.script.add(r -> new StubOpenAi.Answer(200, Map.of(), "{}", 2500)); // the target's timeout is 1 s
        SampleOutput out = sampleOne(fresh("q"), 0);
        assertNull(out.responses().get(0).error(), String.valueOf(out.responses().get(0).error()));
        assertEquals(2, StubOpenAi.requests.size());
        assertEquals(1, out.usage().retries());
    }

    @Test
    void anAnswerWithFieldsWeDoNotKnowStillParses() {
        StubOpenAi.script.add(r -> {
            StubOpenAi.Answer ok = StubOpenAi.Answer.ok("fine");
            return new StubOpenAi.Answer(200, Map.of(), ok.body().replaceFirst("\\{",
                    "{\"x_new_field\":{\"nested\":[1,2]},\"service_tier\":\"default\","), 0);
        });
        SampleOutput out = sampleOne(fresh("q"), 0);
        assertNull(out.responses().get(0).error(), String.valueOf(out.responses().get(0).error()));
        assertEquals("fine", out.responses().get(0).text());
    }

    @Test
    void clientErrorIsNotRetriedAndIsRecordedAsFailed() {
        StubOpenAi.script.add(r -> StubOpenAi.Answer.error(400, Map.of()));
        SampleOutput out = sampleOne(fresh("q"), 0);
        assertEquals(1, StubOpenAi.requests.size());
        assertNull(out.responses().get(0).text());
        assertTrue(out.responses().get(0).error().contains("400"), out.responses().get(0).error());
        assertFalse(out.responses().get(0).error().contains("stub-secret-key"));
        assertEquals(1, out.usage().failures());
    }

    @Test
    void retriesAreBounded() {
        for (int i = 0; i < 5; i++) {
            StubOpenAi.script.add(r -> StubOpenAi.Answer.error(503, Map.of()));
        }
        SampleOutput out = sampleOne(fresh("q"), 0);
        assertEquals(3, StubOpenAi.requests.size(), "max-attempts = 3");
        assertNotNull(out.responses().get(0).error());
        assertEquals(2, out.usage().retries());
        assertEquals(1, out.usage().failures());
    }

    @Test
    void malformedJudgeAnswerIsRepairedOnce() {
        StubOpenAi.script.add(r -> StubOpenAi.Answer.ok("The response is great, 5/5."));
        ScoreOutput out = score.score(new ScoreInput(VALUES, null, List.of(new ScoreInput.Item("i", fresh("q?"),
                "An answer.")), null, true, 3L, null));
        assertEquals(2, StubOpenAi.requests.size());
        JsonNode repair = StubOpenAi.requests.get(1).path("messages");
        assertEquals("assistant", repair.get(2).path("role").asText());
        assertTrue(repair.get(3).path("content").asText().contains("could not be read"));
        assertEquals(Map.of("care", 4.0, "candour", 4.0), out.items().get(0).ratings());
    }

    @Test
    void judgeAnswerUnreadableAfterRepairIsRecordedAsFailed() {
        StubOpenAi.script.add(r -> StubOpenAi.Answer.ok("not json"));
        StubOpenAi.script.add(r -> StubOpenAi.Answer.ok("{\"ratings\": \"all good\"}"));
        ScoreOutput out = score.score(new ScoreInput(VALUES, null, List.of(new ScoreInput.Item("i", fresh("q?"),
                "An answer.")), null, true, 3L, null));
        assertEquals(2, StubOpenAi.requests.size(), "one repair, no more");
        assertNull(out.items().get(0).ratings(), "a failed judgment is never a rating");
        assertTrue(out.items().get(0).error().contains("after one repair"), out.items().get(0).error());
    }

    @Test
    void logprobsGiveExpectedRatings() {
        String content = "{\"ratings\":[{\"value\":\"care\",\"rating\":4,\"reason\":\"x\"},"
                + "{\"value\":\"candour\",\"rating\":2,\"reason\":\"y\"}]}";
        String logprobs = "{\"content\":["
                + "{\"token\":\"{\\\"ratings\\\":[{\\\"value\\\":\\\"care\\\",\\\"rating\\\":\",\"logprob\":0,\"top_logprobs\":[]},"
                + "{\"token\":\"4\",\"logprob\":" + Math.log(0.5) + ",\"top_logprobs\":[{\"token\":\"4\",\"logprob\":"
                + Math.log(0.5) + "},{\"token\":\"5\",\"logprob\":" + Math.log(0.5) + "}]},"
                + "{\"token\":\",\\\"reason\\\":\\\"x\\\"},{\\\"value\\\":\\\"candour\\\",\\\"rating\\\":\",\"logprob\":0,\"top_logprobs\":[]},"
                + "{\"token\":\"2\",\"logprob\":0,\"top_logprobs\":[{\"token\":\"2\",\"logprob\":0}]},"
                + "{\"token\":\",\\\"reason\\\":\\\"y\\\"}]}\",\"logprob\":0,\"top_logprobs\":[]}]}";
        StubOpenAi.script.add(r -> StubOpenAi.Answer.ok(content, logprobs));
        ScoreOutput out = score.score(new ScoreInput(VALUES, null, List.of(new ScoreInput.Item("i", fresh("q?"),
                "An answer.")), null, true, 3L, null));
        assertEquals(4.5, out.items().get(0).ratings().get("care"), 1e-9, "half 4, half 5");
        assertEquals(2.0, out.items().get(0).ratings().get("candour"), 1e-9);
    }

    @Test
    void redundancyCanComeFromAnEmbeddingsEndpoint() {
        ScoreOutput out = score.score(new ScoreInput(VALUES, "aaaa", List.of(new ScoreInput.Item("near", fresh("q?"),
                "aaaa"), new ScoreInput.Item("far", fresh("q?"), "xyzxyzxyzxyzxyzxyzxyzxyzxyzxyz")), null, false, 3L,
                null));
        JsonNode embed = StubOpenAi.embeddingRequests.get(0);
        assertEquals("stub-embed", embed.path("model").asText());
        // the stub's vectors: "aaaa" -> (4, 4, 1), identical to s; the consonant string -> (30, 0, 1)
        assertEquals(1.0, out.items().get(0).redundancy(), 1e-9);
        double far = (4 * 30 + 1) / (Math.sqrt(33) * Math.sqrt(901));
        assertEquals(far, out.items().get(1).redundancy(), 1e-9);
    }

    @Test
    void identicalCallsHitTheCacheAndSamplesStayDistinct() {
        String q = fresh("Where should I travel?");
        SampleOutput first = sampleOne(q, 0);
        SampleOutput again = sampleOne(q, 0);
        SampleOutput second = sampleOne(q, 1);
        assertEquals(2, StubOpenAi.requests.size(), "the repeat was served from the cache");
        assertEquals(first.responses().get(0).text(), again.responses().get(0).text());
        assertEquals(1, again.usage().cacheHits());
        assertEquals(0, again.usage().calls());
        assertEquals(0, again.usage().tokens());
        assertFalse(first.responses().get(0).text().equals(second.responses().get(0).text()),
                "another sample index is another call, with another seed");
    }
}
