package io.picaco.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.picaco.core.BuiltInCompositions;
import io.picaco.core.Composition;
import io.picaco.core.SeedInstruction;
import io.picaco.core.Value;
import io.picaco.sim.lang.Text;

/** H3, W7, W8, W9 for the simulated optimizer, driven through its JSON interface only. */
class SimOptimizerTest {
    final SimHarness h = new SimHarness();

    List<String> fromSeed(Composition c, int count, long seed) {
        String s = SeedInstruction.forValues(c.values());
        return h.propose(c.values(), List.of(s), List.of(), List.of(c.values().get(0).id()), count, 1500, seed);
    }

    @Test
    void w7_noInstructionTheOptimizerWritesSaturatesTheStrictEvaluator() {
        List<Composition> paper = BuiltInCompositions.all().stream().filter(c -> !c.id().equals("schwartz-10")).toList();
        double best = 0;
        int n = 0;
        for (int i = 0; i < 40; i++) {
            for (Composition c : paper) {
                String instruction = fromSeed(c, 1, 1000 + i).get(0);
                List<String> heldOut = SimHarness.queries(c).subList(20, 24);
                double mean = SimHarness.mean(h.means(SimModels.EVALUATOR, instruction, c.values(), heldOut, 2, i));
                best = Math.max(best, mean);
                n++;
                assertTrue(mean < 4.9, c.id() + " " + mean + ": " + instruction);
            }
        }
        assertEquals(200, n);
        System.out.println("W7: best held-out evaluator mean of 200 optimizer instructions: " + best);
    }

    private static final Pattern LIST = Pattern.compile(
            "\\p{L}+(?:,\\s+\\p{L}+){4,},?\\s+(?:and|or)\\s+\\p{L}+|\\p{L}+(?:,\\s+\\p{L}+){5,}");

    static void assertReadable(String instruction) {
        assertTrue(!instruction.isBlank());
        for (String s : Text.sentences(instruction)) {
            assertTrue(Character.isUpperCase(s.charAt(0)), "starts with a capital: " + s);
            assertTrue(s.endsWith("."), "ends with a full stop: " + s);
            assertTrue(Text.wordCount(s) <= 35, "at most 35 words: " + s);
            Matcher m = LIST.matcher(s);
            assertTrue(!m.find(), "a comma list of more than four single words: " + s);
        }
    }

    @Test
    void w8_everythingTheOptimizerWritesIsReadableEnglish() {
        for (Composition c : BuiltInCompositions.all()) {
            for (long seed = 0; seed < 10; seed++) {
                fromSeed(c, 4, seed).forEach(SimOptimizerTest::assertReadable);
            }
        }
        // long custom definitions and a long list in them are tidied too
        List<Value> custom = List.of(new Value("thrift", "Thrift", "Spending carefully on food, rent, travel, clothes, "
                + "gifts, games and hobbies, so that there is always something left at the end of the month for the "
                + "savings account that the family keeps for bad times and for the education of the children."),
                new Value("candour", "Candour", "Saying what you think."));
        for (long seed = 0; seed < 10; seed++) {
            h.propose(custom, List.of("- Thrift: be thrifty\n- Candour: be candid"), List.of(), List.of("thrift"), 3,
                    1500, seed).forEach(SimOptimizerTest::assertReadable);
        }
    }

    @Test
    void h3_aWeakNoisyOptimizerManyCandidatesAreWorseThanTheirParent() {
        Composition c = SimHarness.composition("confucianism-4");
        List<String> qs = SimHarness.queries(c).subList(0, 12);
        String seed = SeedInstruction.forValues(c.values());
        double parent = h.score(seed, c.values(), qs, 1);
        int worse = 0;
        List<String> cands = new ArrayList<>();
        for (long s = 0; s < 8; s++) {
            cands.addAll(fromSeed(c, 3, s));
        }
        for (String cand : cands) {
            worse += h.score(cand, c.values(), qs, 1) < parent ? 1 : 0;
        }
        assertTrue(worse >= cands.size() / 4, worse + " of " + cands.size() + " worse than the parent");
        assertTrue(worse < cands.size(), "but not all of them");
    }

    @Test
    void h3_whatTheOptimizerWorksOnComesFromThePrompt() {
        Composition c = SimHarness.composition("confucianism-4");
        String seed = SeedInstruction.forValues(c.values());
        // told that security is weak, it writes more new sentences about security than when told tradition is
        assertTrue(newSentencesAbout("security", c, seed) > newSentencesAbout("tradition", c, seed) + 5);
    }

    private int newSentencesAbout(String weak, Composition c, String seed) {
        List<String> old = Text.sentences(seed.replace("- ", ""));
        int n = 0;
        for (long s = 0; s < 10; s++) {
            for (String x : h.propose(c.values(), List.of(seed), List.of(Map.of()), List.of(weak), 3, 1500, s)) {
                for (String sentence : Text.sentences(x)) {
                    String low = sentence.toLowerCase();
                    boolean security = low.contains("safe") || low.contains("protect") || low.contains("stabil");
                    n += security && !low.startsWith("security means") && old.stream().noneMatch(
                            o -> o.endsWith(sentence)) ? 1 : 0;
                }
            }
        }
        return n;
    }

    @Test
    void w9_theOptimizerIsDeterministicPerSeed() {
        Composition c = SimHarness.composition("helpfulness-4");
        assertEquals(fromSeed(c, 3, 7), fromSeed(c, 3, 7));
        boolean differs = false;
        for (long s = 8; s < 14 && !differs; s++) {
            differs = !fromSeed(c, 3, s).equals(fromSeed(c, 3, 7));
        }
        assertTrue(differs);
    }
}
