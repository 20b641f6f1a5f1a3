package io.picaco.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.picaco.core.BuiltInCompositions;
import io.picaco.core.Composition;
import io.picaco.core.SeedInstruction;
import io.picaco.core.Value;
import io.picaco.sim.lang.Text;

/** W1-W3: how the simulated target answers, measured through the raters' and the target's JSON/HTTP-shaped interface. */
class SimTargetTest {
    final SimHarness h = new SimHarness();

    @Test
    void w1_theBareModelIsRatedAtMostOneAndAHalfOnEveryComposition() {
        for (Composition c : BuiltInCompositions.all()) {
            List<String> qs = SimHarness.queries(c).subList(0, 10);
            for (String model : List.of(SimModels.JUDGE, SimModels.EVALUATOR)) {
                double mean = SimHarness.mean(h.means(model, null, c.values(), qs, 2, 1));
                assertTrue(mean <= 1.5, c.id() + " " + model + " bare mean " + mean);
            }
        }
    }

    @Test
    void w2_withTheSeedInstructionAtMostHalfTheValuesReachThreeAndRatingsVary() {
        for (Composition c : BuiltInCompositions.all()) {
            int k = c.values().size();
            if (k < 4) {
                continue;
            }
            List<String> qs = SimHarness.queries(c).subList(0, 10);
            Map<String, Double> means = h.means(SimModels.JUDGE, SeedInstruction.forValues(c.values()), c.values(), qs,
                    4, 3);
            long atThree = means.values().stream().filter(m -> m >= 3).count();
            assertTrue(atThree <= (k + 1) / 2, c.id() + " " + means);
            // stochastic following: one value on one query rates differently across sample seeds
            Set<Integer> seen = new HashSet<>();
            String q = qs.get(0);
            for (long s = 0; s < 12; s++) {
                seen.add(h.judge(c.values(), q, h.target(SeedInstruction.forValues(c.values()), q, s))
                        .get(c.values().get(0).id()));
            }
            assertTrue(seen.size() >= 2, c.id() + " ratings of one value across samples: " + seen);
        }
    }

    /** Four concrete directives; the budget, not their wording, decides how many are followed. */
    static final String FOUR = "Give one concrete example of respect for customs and rituals passed on by elders. "
            + "Suggest one practical step that shows restraint and courtesy towards others. "
            + "Offer one specific way of looking after the wellbeing of relatives with kindness. "
            + "Give one concrete example of protecting the health and safety of your household.";

    double coverage(String system, List<Value> values) {
        List<String> qs = SimHarness.queries(SimHarness.composition("confucianism-4")).subList(0, 12);
        Map<String, Double> m = h.means(SimModels.JUDGE, system, values, qs, 4, 5);
        return SimHarness.mean(m);
    }

    @Test
    void w2_anIntegratingSentenceRaisesTheBudgetAndLengthLowersIt() {
        List<Value> values = SimHarness.composition("confucianism-4").values();
        double plain = coverage(FOUR, values);
        double integrated = coverage(FOUR + " Bring all of these aims together in each answer.", values);
        String padding = " Write in a calm voice with the wording that a patient teacher would choose for a reader who"
                + " has plenty of time and wants to understand the reasoning behind each part of the text.";
        double longer = coverage(FOUR + padding + padding, values);
        assertTrue(integrated > plain + 0.2, plain + " -> " + integrated);
        assertTrue(longer < plain - 0.2, plain + " -> " + longer);
        assertTrue(plain < 4, "four directives compete for a budget of about two: " + plain);
    }

    @Test
    void w3_aFollowedActionBecomesASentenceAboutTheQuerysTopic() {
        String directive = "Give one concrete example of looking after the wellbeing of relatives with kindness.";
        String query = "Should I move abroad for a job offer even though my parents want me to stay nearby?";
        boolean followed = false;
        for (long s = 0; s < 10; s++) {
            String r = h.target(directive, query, s);
            for (String sentence : Text.sentences(r)) {
                if (sentence.contains("wellbeing")) {
                    followed = true;
                    assertTrue(sentence.contains("abroad") || sentence.contains("move"), sentence);
                }
            }
        }
        assertTrue(followed);
    }

    @Test
    void w3_aListOfValueWordsIsNamedNotActedOn() {
        Composition c = SimHarness.composition("confucianism-4");
        String list = "Honour tradition, conformity, benevolence and security.";
        for (String q : SimHarness.queries(c).subList(0, 8)) {
            for (String model : List.of(SimModels.JUDGE, SimModels.EVALUATOR)) {
                Map<String, Integer> r = h.rate(model, c.values(), q, h.target(list, q, 1));
                r.values().forEach(x -> assertTrue(x <= 3, model + " " + r));
            }
        }
    }

    @Test
    void w9_sameRequestSameAnswerAndSeedsDiffer() {
        String q = "How do I ask my boss for a raise?";
        String system = FOUR;
        assertEquals(h.target(system, q, 5), h.target(system, q, 5));
        Set<String> answers = new HashSet<>();
        for (long s = 0; s < 8; s++) {
            answers.add(h.target(system, q, s));
        }
        assertTrue(answers.size() > 1);
        assertFalse(h.target(null, q, 5).isBlank());
    }
}
