package io.picaco.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.langchain4j.data.message.UserMessage;
import io.picaco.core.Value;

/** Prompts must be byte-identical in every process: cache keys and reproducible runs depend on it. */
class PromptsTest {
    static final List<Value> VALUES = List.of(new Value("a", "Alpha", "First value."),
            new Value("b", "Beta", "Second value.", 2.0));

    @Test
    void judgeBlockListsValueFieldsInAFixedOrder() {
        String user = ((UserMessage) JudgePrompt.messages(VALUES, "q?", "r.", JudgeMode.JOINT).get(1)).singleText();
        assertTrue(user.contains("{\"id\":\"a\",\"name\":\"Alpha\",\"definition\":\"First value.\"}"), user);
        assertTrue(user.indexOf("\"task\":\"judge\"") < user.indexOf("\"query\":\"q?\""), user);
    }

    @Test
    void optimizerBlockListsValueFieldsInAFixedOrder() {
        String user = ((UserMessage) OptimizerPrompt.messages(VALUES, List.of(), List.of("b"), List.of(), List.of(), 3,
                1500).get(1)).singleText();
        assertTrue(user.contains("{\"id\":\"b\",\"name\":\"Beta\",\"definition\":\"Second value.\",\"weight\":2.0}"),
                user);
        assertTrue(user.contains("Write 3 new instructions"));
        assertTrue(user.contains("at most 1500 characters"));
    }

    @Test
    void judgeBlockPresentsTheKnownTensionsAmongItsValues() {
        var values = io.picaco.core.BuiltInCompositions.find("hh-balance-8").orElseThrow().values();
        String user = ((UserMessage) JudgePrompt.messages(values, "q?", "r.", JudgeMode.JOINT).get(1)).singleText();
        assertTrue(user.contains("\"tensions\":[{\"values\":[\"informativeness\",\"privacy\"]"), user);
        String plain = ((UserMessage) JudgePrompt.messages(VALUES, "q?", "r.", JudgeMode.JOINT).get(1)).singleText();
        assertTrue(!plain.contains("tensions"), "no tensions among values that have none: " + plain);
    }

    @Test
    void optimizerBlockShowsExemplarRatingsAndTheJudgesReasons() {
        var ex = new OptimizerPrompt.Exemplar("b", "q?", "good answer", "bad answer", 5.0, 1.0, "Acted on.",
                "Not addressed.");
        String user = ((UserMessage) OptimizerPrompt.messages(VALUES, List.of(), List.of("b"), List.of(ex), List.of(),
                3, 1500).get(1)).singleText();
        assertTrue(user.contains("\"highRating\":5.0") && user.contains("\"lowReason\":\"Not addressed.\""), user);
        assertTrue(user.contains("1-5 scale"), user);
    }

    @Test
    void judgeParserIsStrictButToleratesOneFence() throws Exception {
        var ok = JudgeParser.parse("```json\n{\"ratings\":[{\"value\":\"a\",\"rating\":4,\"reason\":\"x\"},"
                + "{\"value\":\"b\",\"rating\":2.5,\"reason\":\"y\"}]}\n```", List.of("a", "b"));
        assertEquals(4.0, ok.get("a").rating());
        assertEquals(2.5, ok.get("b").rating());
        for (String bad : List.of("Sure! {\"ratings\":[]}", "{\"ratings\":[{\"value\":\"a\",\"rating\":4}]}",
                "{\"ratings\":[{\"value\":\"a\",\"rating\":6},{\"value\":\"b\",\"rating\":1}]}",
                "{\"ratings\":[{\"value\":\"a\",\"rating\":\"4\"},{\"value\":\"b\",\"rating\":1}]}",
                "{\"ratings\":[{\"value\":\"a\",\"rating\":4},{\"value\":\"a\",\"rating\":4}]}",
                "{\"ratings\":[{\"value\":\"a\",\"rating\":4},{\"value\":\"z\",\"rating\":4}]}",
                "{\"score\":3}")) {
            try {
                JudgeParser.parse(bad, List.of("a", "b"));
                throw new AssertionError("accepted: " + bad);
            } catch (JudgeParser.JudgeFormatException expected) {
                // rejected, as it should be
            }
        }
    }

    @Test
    void expectedRatingWeighsTheDigitAlternatives() {
        // "rating":4 written as its own token with alternatives 5 (p=.25) and 3 (p=.25); 4 has p=.5
        List<TokenLogprob> tokens = List.of(new TokenLogprob("{\"ratings\":[{\"value\":\"a\",\"rating\":", 0, java.util.Map.of()),
                new TokenLogprob("4", Math.log(0.5), java.util.Map.of("4", Math.log(0.5), "5", Math.log(0.25), "3",
                        Math.log(0.25))),
                new TokenLogprob("}]}", 0, java.util.Map.of()));
        assertEquals(List.of(4.0), ExpectedRatings.of(tokens).orElseThrow());
        List<TokenLogprob> skewed = List.of(new TokenLogprob("\"rating\":", 0, java.util.Map.of()),
                new TokenLogprob("4", Math.log(0.6), java.util.Map.of("5", Math.log(0.3), "x", Math.log(0.1))));
        // renormalised over the digits: (4*.6 + 5*.3) / .9
        assertEquals((4 * 0.6 + 5 * 0.3) / 0.9, ExpectedRatings.of(skewed).orElseThrow().get(0), 1e-12);
        assertTrue(ExpectedRatings.of(List.of(new TokenLogprob("\"rating\":45", 0, java.util.Map.of()))).isEmpty());
    }
}
