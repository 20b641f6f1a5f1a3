package io.picaco.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.langchain4j.data.embedding.Embedding;
import io.picaco.core.Composition;
import io.picaco.core.Value;
import io.picaco.llm.Embedder;
import io.quarkus.test.junit.QuarkusTest;

/**
 * W4 with the app's own embedder: a directive that quotes a definition makes the target restate it, so its answers
 * are closer to the value text than answers to a reworded, concrete directive. A Quarkus test, because the
 * embedding runtime's native tokenizer can be loaded by one class loader per JVM only.
 */
@QuarkusTest
class SimRedundancyTest {
    @Inject
    Embedder embedder;

    final SimHarness h = new SimHarness();

    /** Reworded, concrete directives, one per value, written by hand. */
    static final Map<String, String> REWORDED = Map.of(
            "tradition", "Give one concrete example of keeping a practice your elders passed on.",
            "conformity", "Suggest one practical step that shows self-control and courtesy towards others.",
            "benevolence", "Offer one specific way of looking after relatives with warmth.",
            "security", "Give one concrete example of protecting the health of your household.",
            "informativeness", "Give one concrete example of solid information that teaches something new.",
            "relevance", "Suggest one practical step that stays on the query and its circumstances.",
            "clarity", "Give one concrete example of simple words in a logical order.",
            "completeness", "Suggest one practical step that covers the options and warnings needed to act.");

    @Test
    void w4_quotedDefinitionsAreParrotedRewordedConcreteDirectivesAreNot() {
        double diffSum = 0;
        int n = 0;
        for (String compId : List.of("confucianism-4", "helpfulness-4")) {
            Composition c = SimHarness.composition(compId);
            StringBuilder obs = new StringBuilder();
            c.values().forEach(v -> obs.append(obs.isEmpty() ? "" : "\n").append(v.observationLine()));
            Embedding s = embedder.embed(obs.toString());
            for (Value v : c.values()) {
                String quoted = "- " + v.observationLine();
                String reworded = REWORDED.get(v.id());
                List<String> qs = SimHarness.queries(c).subList(0, 6);
                double cq = 0;
                double cc = 0;
                int pairs = 0;
                for (String q : qs) {
                    // the same sample seeds; only samples where both directives were followed compare parroting
                    for (long seed = 0; seed < 6; seed++) {
                        String rq = h.target(quoted, q, seed);
                        String rc = h.target(reworded, q, seed);
                        if (rq.contains(" matters here: ") && rc.matches(".*(I suggest|I recommend|my advice is).*")) {
                            cq += Embedder.cosine(embedder.embed(rq), s);
                            cc += Embedder.cosine(embedder.embed(rc), s);
                            pairs++;
                        }
                    }
                }
                assertTrue(pairs >= 12, v.id() + ": " + pairs + " followed pairs");
                diffSum += (cq - cc) / pairs;
                n++;
            }
        }
        System.out.printf(Locale.ROOT, "W4 redundancy difference quoted - reworded: mean %.3f over %d values%n",
                diffSum / n, n);
        assertTrue(diffSum / n >= 0.15, "mean redundancy difference " + diffSum / n);
    }
}
