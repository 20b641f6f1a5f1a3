package io.picaco.conductor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.langchain4j.data.message.UserMessage;
import io.picaco.core.ObjectiveSpec;
import io.picaco.core.ScoredResponse;
import io.picaco.core.Selection;
import io.picaco.core.Value;
import io.picaco.llm.OproPrompt;
import io.picaco.steps.SelectOutput;

/** OPRO's prompt and winner, and the no-redundancy objective, against hand-computed expectations. */
class OproAndNoRedundancyTest {

    @Test
    void oproShowsTheLastTwentyScoresAscendingWithOneDecimalAndThreeExamples() {
        List<OproPrompt.Scored> earlier = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            earlier.add(new OproPrompt.Scored("instruction " + i, 1 + i * 0.1234));
        }
        String prompt = ((UserMessage) OproPrompt.messages(List.of(new Value("a", "A", "Being a.", 1.0)), earlier,
                List.of("q1", "q2", "q3", "q4"), 4, 500).get(1)).singleText();
        assertTrue(!prompt.contains("\"instruction 4\"") && prompt.contains("\"instruction 5\""), prompt);
        assertTrue(prompt.indexOf("instruction 5") < prompt.indexOf("instruction 24"), "ascending");
        assertTrue(prompt.contains("\"score\" : 3.7") || prompt.contains("\"score\":3.7"), prompt); // 1 + 22 * 0.1234
        assertTrue(prompt.contains("q3") && !prompt.contains("q4"), "three example queries");
        assertTrue(!prompt.contains("jHat") && !prompt.contains("avoid"), "no Ĵ, no pools");
    }

    @Test
    void oproKeepsTheBestMeanRatingEvenWhenĴPrefersAnother() {
        SelectOutput ranked = new SelectOutput(List.of(
                new SelectOutput.Ranked("balanced", -1.0, Map.of("a", 3.0, "b", 3.0), 4),
                new SelectOutput.Ranked("lopsided", -5.0, Map.of("a", 5.0, "b", 1.5), 4)), "balanced", null);
        assertEquals("lopsided", Methods.of(MethodName.OPRO).winner(ranked));
        assertEquals("balanced", Methods.of(MethodName.PICACO).winner(ranked));
        assertEquals(3.25, Methods.of(MethodName.OPRO).score(-5.0, Map.of("a", 5.0, "b", 1.5)), 1e-12);
    }

    @Test
    void withoutRedundancyτIsβTimesTheWeightedLogRatingsAndSelectionIgnoresParroting() {
        ObjectiveSpec none = new ObjectiveSpec(1.0, List.of("a", "b"), Map.of("a", 1.0, "b", 1.0), false);
        ScoredResponse r = new ScoredResponse("r", "q", Map.of("a", 5.0, "b", 3.0), 0.9);
        // ratings map to q_ω = 0.98 (5) and 0.5 (3); weights rescaled to sum K = 2: 1 each.
        assertEquals(Math.log(0.98) + Math.log(0.5), none.tau(r), 1e-9);

        ScoredResponse parroting = new ScoredResponse("p", "q", Map.of("a", 4.0, "b", 4.0), 0.95);
        ScoredResponse plain = new ScoredResponse("n", "q", Map.of("a", 4.0, "b", 3.9), -0.5);
        List<Selection.Candidate> both = List.of(new Selection.Candidate("parrots", List.of(parroting)),
                new Selection.Candidate("plain", List.of(plain)));
        ObjectiveSpec full = new ObjectiveSpec(1.0, List.of("a", "b"), Map.of());
        assertEquals("plain", Selection.select(both, null, Map.of("q", 1.0), full).selected(),
                "with redundancy, parroting costs more than 0.1 of a rating");
        assertEquals("parrots", Selection.select(both, null, Map.of("q", 1.0), none).selected(),
                "without it, only the ratings count");
        assertEquals(Math.log(0.75) * 2, Selection.select(both, null, Map.of("q", 1.0), none).ranking().get(0).jHat(),
                1e-9, "and the baseline b(x) is left out");
    }
}
