package io.picaco.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.langchain4j.data.embedding.Embedding;
import io.picaco.core.BuiltInCompositions;
import io.picaco.core.Composition;
import io.picaco.core.Value;
import io.picaco.llm.Embedder;
import io.quarkus.test.junit.QuarkusTest;

/**
 * S4 with the app's own embedder. A Quarkus test, because the embedding runtime's native tokenizer can be
 * loaded by one class loader per JVM only, and the other Quarkus tests load it first.
 */
@QuarkusTest
class SimRedundancyTest {
    @Inject
    Embedder embedder;

    final SimHarness h = new SimHarness();

    @Test
    void s4_quotedDefinitionsAreParroted_redundancyHigherAndJudgeCapsAtThree() {
        Embedder e = embedder;
        double diffSum = 0;
        int n = 0;
        double minDiff = Double.MAX_VALUE;
        for (String compId : List.of("confucianism-4", "helpfulness-4", "harmlessness-4", "modern-liberalism-4")) {
            Composition c = BuiltInCompositions.find(compId).orElseThrow();
            StringBuilder obs = new StringBuilder();
            c.values().forEach(v -> obs.append(obs.isEmpty() ? "" : "\n").append(v.observationLine()));
            Embedding s = e.embed(obs.toString());
            for (Value v : c.values()) {
                String quoted = "- " + v.observationLine();
                String concrete = SimOptimizer.directiveFor(v, c.values(), new Random(v.id().hashCode()));
                assertFalse(SimText.hasVerbatimRun(concrete, v.definition(), 6));
                double cq = 0;
                double cc = 0;
                List<String> qs = SimHarness.QUERIES.subList(0, 6);
                for (String q : qs) {
                    String rq = h.target(quoted, q, 5L);
                    String rc = h.target(concrete, q, 5L);
                    assertTrue(rq.contains(v.definition()), "a quoted definition is repeated verbatim: " + rq);
                    assertFalse(SimText.hasVerbatimRun(rc, v.definition(), 6), "a paraphrase is enacted, not quoted: " + rc);
                    assertEquals(3, h.judge(c.values(), q, rq).get(v.id()), "parroted value capped at 3: " + rq);
                    assertTrue(h.judge(c.values(), q, rc).get(v.id()) >= 4, "enacted value rated 4-5: " + rc);
                    cq += Embedder.cosine(e.embed(rq), s);
                    cc += Embedder.cosine(e.embed(rc), s);
                }
                double diff = (cq - cc) / qs.size();
                diffSum += diff;
                n++;
                minDiff = Math.min(minDiff, diff);
            }
        }
        System.out.printf(Locale.ROOT, "S4 redundancy difference quoted - concrete: mean %.3f, min %.3f over %d values%n",
                diffSum / n, minDiff, n);
        assertTrue(diffSum / n >= 0.15, "mean redundancy difference " + diffSum / n);
    }

}
