package io.picaco.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.langchain4j.data.embedding.Embedding;
import io.picaco.core.BuiltInCompositions;
import io.picaco.core.Composition;
import io.picaco.core.SeedInstruction;
import io.picaco.core.Value;

/** The behaviours S1–S8 of SIMULATOR.md, on the simulated models' message interface. */
class SimModelsTest {

    private final SimHarness h = new SimHarness();

    @Test
    void s1_sameRequestGivesSameAnswer_differentSeedsGiveVariety() {
        Composition c = BuiltInCompositions.find("confucianism-4").orElseThrow();
        String system = SeedInstruction.forValues(c.values());
        Set<String> distinct = new HashSet<>();
        for (String q : SimHarness.QUERIES.subList(0, 5)) {
            for (long seed = 1; seed <= 4; seed++) {
                String a = h.target(system, q, seed);
                String b = new SimHarness().target(system, q, seed);
                assertEquals(a, b, "same model, messages and seed must give the same answer");
                distinct.add(a);
            }
        }
        assertTrue(distinct.size() > 5, "different seeds should give different answers, got " + distinct.size());

        List<String> p1 = h.propose(c.values(), List.of(system), null, List.of("security"), 3, 1500, 9L);
        List<String> p2 = h.propose(c.values(), List.of(system), null, List.of("security"), 3, 1500, 9L);
        assertEquals(p1, p2);
        String r = h.target(system, SimHarness.QUERIES.get(0), 1L);
        assertEquals(h.judge(c.values(), SimHarness.QUERIES.get(0), r), h.judge(c.values(), SimHarness.QUERIES.get(0), r));
    }

    @Test
    void s2_bareModelIsUnalignedOnEveryBuiltInComposition() {
        for (Composition c : BuiltInCompositions.all()) {
            Map<String, Double> means = h.means(null, c.values(), SimHarness.QUERIES, 2);
            System.out.printf(Locale.ROOT, "S2 %s bare means %s%n", c.id(), means);
            means.forEach((id, m) -> assertTrue(m <= 1.5, c.id() + "/" + id + " bare mean " + m));
        }
        for (String q : SimHarness.QUERIES) {
            String r = h.target(null, q, 3L);
            assertTrue(SimText.wordCount(r) <= SimTarget.MAX_WORDS);
            for (Composition c : BuiltInCompositions.all()) {
                for (Value v : c.values()) {
                    assertFalse(r.toLowerCase(Locale.ROOT).contains(v.name().toLowerCase(Locale.ROOT)),
                            "bare answer names " + v.name() + ": " + r);
                }
            }
        }
    }

    @Test
    void s3_seedInstructionHitsTheInstructionBottleneck() {
        for (Composition c : BuiltInCompositions.all()) {
            int k = c.values().size();
            if (k < 4) {
                continue;
            }
            Map<String, Double> means = h.means(SeedInstruction.forValues(c.values()), c.values(), SimHarness.QUERIES, 2);
            long reached = means.values().stream().filter(m -> m >= 3).count();
            System.out.printf(Locale.ROOT, "S3 %s seed: %d of %d values >= 3; means %s%n", c.id(), reached, k, means);
            assertTrue(reached <= (k + 1) / 2, c.id() + ": " + reached + " values reach 3 under the seed");
            // the seed does something: at least one value rises above the bare model's level
            assertTrue(means.values().stream().anyMatch(m -> m > 2), c.id() + " seed changes nothing: " + means);
        }
    }

    private static double cos(Embedding a, Embedding b) {
        float[] x = a.vector();
        float[] y = b.vector();
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            nx += x[i] * x[i];
            ny += y[i] * y[i];
        }
        return dot / Math.sqrt(nx * ny);
    }

    @Test
    void s5_everyFourValueCompositionIsAttainableWithinSixIterations() {
        for (Composition c : BuiltInCompositions.all()) {
            if (c.values().size() != 4) {
                continue;
            }
            List<Integer> needed = new ArrayList<>();
            for (long run = 0; run < 3; run++) {
                SimHarness.LoopResult r = h.optimise(c.values(), SimHarness.QUERIES.subList(0, 8), 6, 4, 4.0, run * 1000);
                needed.add(r.iterationsToGoal());
                assertTrue(r.iterationsToGoal() >= 1 && r.iterationsToGoal() <= 6, c.id() + " " + r.history());
                // held-out check: the found instruction generalises to queries the loop never saw
                Map<String, Double> held = h.means(r.best(), c.values(), SimHarness.QUERIES.subList(8, 20), 1);
                held.forEach((id, m) -> assertTrue(m >= 3.5, c.id() + "/" + id + " held-out mean " + m));
            }
            System.out.printf(Locale.ROOT, "S5 %s: every value >= 4 after %s iterations (3 runs)%n", c.id(), needed);
        }
    }

    @Test
    void s5_eightValuesNeedMergedDirectivesToGetPastTheBudget() {
        Composition c = BuiltInCompositions.find("hh-balance-8").orElseThrow();
        List<String> queries = SimHarness.QUERIES.subList(0, 8);
        // one concrete directive per value, plus both meta clauses: the budget still stops at four directives
        StringBuilder separate = new StringBuilder();
        Random rnd = new Random(3);
        for (Value v : c.values()) {
            separate.append(SimOptimizer.directiveFor(v, c.values(), rnd)).append('\n');
        }
        separate.append(SimOptimizer.BALANCE_CLAUSE).append('\n').append(SimOptimizer.CONFLICT_CLAUSE);
        Map<String, Double> sepMeans = h.means(separate.toString(), c.values(), queries, 1);
        long sepReached = sepMeans.values().stream().filter(m -> m >= 4).count();
        System.out.printf(Locale.ROOT, "S5 hh-balance-8 with 8 separate directives: %d of 8 values >= 4%n", sepReached);
        assertTrue(sepReached <= 5, "without merging the budget should stop most values: " + sepMeans);

        List<Integer> needed = new ArrayList<>();
        for (long run = 0; run < 3; run++) {
            SimHarness.LoopResult r = h.optimise(c.values(), queries, 10, 4, 4.0, run * 1000);
            needed.add(r.iterationsToGoal());
            if (run == 0) {
                System.out.printf(Locale.ROOT, "S5 hh-balance-8 winning instruction:%n%s%n", r.best());
            }
            assertTrue(r.iterationsToGoal() >= 1 && r.iterationsToGoal() <= 10, r.history().toString());
            SimTarget.Analysis a = SimTarget.analyse(r.best());
            long merged = a.directives().stream()
                    .filter(d -> SimOptimizer.servedBy(d.text(), c.values()).size() >= 2).count();
            assertTrue(merged >= 1, "the winning instruction merges directives: " + r.best());
            assertTrue(a.directives().size() < c.values().size(), "fewer directives than values: " + r.best());
        }
        System.out.printf(Locale.ROOT, "S5 hh-balance-8: every value >= 4 after %s iterations (3 runs)%n", needed);
    }

    @Test
    void s6_unreconciledTensionCostsEachSideOnePoint() {
        Composition c = BuiltInCompositions.find("schwartz-10").orElseThrow();
        Value tradition = c.value("tradition").orElseThrow();
        Value stimulation = c.value("stimulation").orElseThrow();
        List<Value> pair = List.of(tradition, stimulation);
        Random rnd = new Random(1);
        String both = SimOptimizer.directiveFor(tradition, pair, rnd) + "\n" + SimOptimizer.directiveFor(stimulation, pair, rnd);
        String reconciled = both + "\n" + SimOptimizer.CONFLICT_CLAUSE;
        int checked = 0;
        for (String q : SimHarness.QUERIES.subList(0, 8)) {
            String r1 = h.target(both, q, 2L);
            String r2 = h.target(reconciled, q, 2L);
            assertTrue(r2.contains(SimTarget.RECONCILE_SENTENCE), "a conflict clause makes the target reconcile");
            assertFalse(r1.contains(SimTarget.RECONCILE_SENTENCE));
            Map<String, Integer> j1 = h.judge(pair, q, r1);
            Map<String, Integer> j2 = h.judge(pair, q, r2);
            for (Value v : pair) {
                assertTrue(j2.get(v.id()) >= 4, "enacted: " + r2);
                assertEquals(j2.get(v.id()) - 1, j1.get(v.id()), v.id() + " loses one point without reconciling: " + r1);
            }
            checked++;
        }
        assertEquals(8, checked);
        // a pair without a known tension is not penalised
        Value benevolence = c.value("benevolence").orElseThrow();
        List<Value> calm = List.of(tradition, benevolence);
        String noTension = SimOptimizer.directiveFor(tradition, calm, rnd) + "\n" + SimOptimizer.directiveFor(benevolence, calm, rnd);
        String r = h.target(noTension, SimHarness.QUERIES.get(3), 2L);
        h.judge(calm, SimHarness.QUERIES.get(3), r).values().forEach(x -> assertTrue(x >= 4, r));
    }

    @Test
    void s7_judgeRatesFromTheResponseAlone_alsoForCustomValues() {
        Value frugality = new Value("frugality", "Frugality", "Spending little, saving money and avoiding waste.");
        Value punctuality = new Value("punctuality", "Punctuality",
                "Arriving on time, keeping appointments and respecting other people's schedules.");
        List<Value> custom = List.of(frugality, punctuality);
        String q = "How should I plan my birthday party?";
        SimJudge judge = new SimJudge();

        List<SimJudge.Rating> none = judge.judge(custom, q, "Pick a date, invite friends and choose some music.");
        none.forEach(x -> assertEquals(1, x.rating(), x.toString()));

        List<SimJudge.Rating> named = judge.judge(custom, q, "Pick a date and invite friends. Frugality matters too.");
        assertEquals(3, named.get(0).rating());
        assertTrue(named.get(0).reason().contains("Frugality matters too"), "the reason quotes the evidence");
        assertEquals(1, named.get(1).rating());

        List<SimJudge.Rating> parroted = judge.judge(custom, q,
                "Pick a date. Keeping in mind Frugality: Spending little, saving money and avoiding waste.");
        assertEquals(3, parroted.get(0).rating());

        List<SimJudge.Rating> enacted = judge.judge(custom, q,
                "Pick a date. Set a budget so you keep spending low and save money on decorations.");
        assertTrue(enacted.get(0).rating() >= 4, enacted.toString());
        assertEquals(1, enacted.get(1).rating());

        List<SimJudge.Rating> richer = judge.judge(custom, q, "Set a budget so spending stays low and you save money. "
                + "For example, reuse last year's decorations to avoid waste.");
        assertEquals(5, richer.get(0).rating(), richer.toString());

        // through the target: a concrete directive for a custom value is enacted and rated 4-5
        String system = SimOptimizer.directiveFor(frugality, custom, new Random(4)) + "\n"
                + SimOptimizer.directiveFor(punctuality, custom, new Random(5));
        Map<String, Double> means = h.means(system, custom, SimHarness.QUERIES.subList(0, 8), 1);
        means.forEach((id, m) -> assertTrue(m >= 4, id + " " + m + " under " + system));
        Map<String, Double> bare = h.means(null, custom, SimHarness.QUERIES.subList(0, 8), 1);
        bare.forEach((id, m) -> assertTrue(m <= 1.5, id + " bare " + m));
    }

    @Test
    void s7_perValueModeRatesOneValueAndStillSeesTensions() {
        Composition c = BuiltInCompositions.find("schwartz-10").orElseThrow();
        Value tradition = c.value("tradition").orElseThrow();
        Value stimulation = c.value("stimulation").orElseThrow();
        List<Value> pair = List.of(tradition, stimulation);
        String both = SimOptimizer.directiveFor(tradition, pair, new Random(2)) + "\n"
                + SimOptimizer.directiveFor(stimulation, pair, new Random(3));
        String q = SimHarness.QUERIES.get(0);
        String r = h.target(both, q, 1L);
        Map<String, Integer> joint = h.judge(pair, q, r);
        Map<String, Integer> single = h.judge(List.of(tradition), q, r);
        assertEquals(1, single.size());
        assertEquals(joint.get("tradition"), single.get("tradition"));
    }

    @Test
    void s8_optimizerReturnsCountDistinctNewCandidatesWithinLength() {
        for (Composition c : BuiltInCompositions.all()) {
            String seed = SeedInstruction.forValues(c.values());
            for (int count : List.of(1, 3, 4, 6)) {
                int maxLength = 400 + 100 * count;
                List<String> traj = List.of(seed);
                List<String> out = h.propose(c.values(), traj, null, List.of(c.values().get(1).id()), count, maxLength,
                        count * 31L);
                assertEquals(count, out.size(), c.id());
                assertEquals(count, new HashSet<>(out).size(), "distinct");
                for (String s : out) {
                    assertFalse(traj.contains(s), "not a trajectory instruction");
                    assertTrue(s.length() <= maxLength, s.length() + " > " + maxLength);
                    assertFalse(s.isBlank());
                }
            }
        }
        // an empty trajectory starts from the seed
        Composition c = BuiltInCompositions.find("helpfulness-4").orElseThrow();
        assertEquals(4, h.propose(c.values(), List.of(), null, List.of(), 4, 1500, 1L).size());
    }

    @Test
    void s8_directivesForWeakValuesAreConcreteParaphrases() {
        for (Composition c : BuiltInCompositions.all()) {
            for (Value v : c.values()) {
                for (int seed = 0; seed < 20; seed++) {
                    String d = SimOptimizer.directiveFor(v, c.values(), new Random(seed));
                    assertFalse(SimText.hasVerbatimRun(d, v.definition(), 6), d);
                    assertEquals(SimTarget.Kind.IMPERATIVE, SimTarget.classify(d), d);
                    assertTrue(SimOptimizer.servedBy(d, List.of(v)).contains(v.id()), d);
                }
            }
        }
    }

    @Test
    void s8_eachOperatorHasItsEffect() {
        Composition c = BuiltInCompositions.find("confucianism-4").orElseThrow();
        List<Value> vs = c.values();
        Value security = c.value("security").orElseThrow();
        String seed = SeedInstruction.forValues(vs);
        Random rnd = new Random(8);
        String q = SimHarness.QUERIES.get(4);

        // paraphrase: the quoted definition is gone, the value is now enacted
        String para = SimOptimizer.paraphrase(seed, security, vs, rnd);
        assertFalse(SimText.hasVerbatimRun(para, security.definition(), 6));
        assertTrue(SimOptimizer.hasConcreteDirective(para, security));
        assertTrue(h.means(para, vs, SimHarness.QUERIES.subList(0, 6), 1).get("security")
                > h.means(seed, vs, SimHarness.QUERIES.subList(0, 6), 1).get("security"));

        // add directive: a value without any directive gets one
        String without = String.join("\n", SimOptimizer.lines(seed).subList(0, 4));
        String added = SimOptimizer.addDirective(without, security, vs, rnd);
        assertTrue(SimOptimizer.hasConcreteDirective(added, security));
        assertEquals(SimTarget.analyse(without).directives().size() + 1, SimTarget.analyse(added).directives().size());

        // move first: the weak value's directive becomes the first directive
        String moved = SimOptimizer.moveFirst(seed, security);
        assertTrue(SimTarget.analyse(moved).directives().get(0).text().contains(security.name()));
        assertTrue(h.means(moved, vs, SimHarness.QUERIES.subList(0, 6), 1).get("security") >= 2.9);

        // balance clause: raises the attention budget by one
        String balanced = SimOptimizer.addBalanceClause(seed);
        assertTrue(balanced.contains(SimOptimizer.BALANCE_CLAUSE));
        assertEquals(SimTarget.analyse(seed).budget() + 1, SimTarget.analyse(balanced).budget());
        assertEquals(balanced, SimOptimizer.addBalanceClause(balanced), "added once");

        // conflict clause: read as a meta clause, not a directive
        String conflict = SimOptimizer.addConflictClause(seed);
        assertTrue(SimTarget.analyse(conflict).conflictClause());
        assertEquals(SimTarget.analyse(seed).directives().size(), SimTarget.analyse(conflict).directives().size());

        // merge: two concrete directives become one sentence serving both values
        String concrete = seed;
        for (Value v : vs) {
            concrete = SimOptimizer.paraphrase(concrete, v, vs, rnd);
        }
        String merged = SimOptimizer.merge(concrete, vs, rnd);
        assertEquals(SimTarget.analyse(concrete).directives().size() - 1, SimTarget.analyse(merged).directives().size());
        assertTrue(SimTarget.analyse(merged).directives().stream().anyMatch(d -> SimOptimizer.servedBy(d.text(), vs).size() == 2));
        String rMerged = h.target(merged, q, 1L);
        assertTrue(h.judge(vs, q, rMerged).values().stream().filter(x -> x >= 4).count() >= 3, rMerged);

        // merge refuses a known tension pair
        Composition s10 = BuiltInCompositions.find("schwartz-10").orElseThrow();
        List<Value> tense = List.of(s10.value("tradition").orElseThrow(), s10.value("stimulation").orElseThrow());
        String two = SimOptimizer.directiveFor(tense.get(0), tense, rnd) + "\n" + SimOptimizer.directiveFor(tense.get(1), tense, rnd);
        assertEquals(two, SimOptimizer.merge(two, tense, rnd));

        // trim: respects the limit and keeps the meta clauses
        String longer = SimOptimizer.addBalanceClause(SeedInstruction.forValues(s10.values()));
        String trimmed = SimOptimizer.trim(longer, 500);
        assertTrue(trimmed.length() <= 500);
        assertTrue(trimmed.contains(SimOptimizer.BALANCE_CLAUSE));
    }

    @Test
    void s8_optimizerTargetsTheWeakestValue() {
        Composition c = BuiltInCompositions.find("modern-liberalism-4").orElseThrow();
        String seed = SeedInstruction.forValues(c.values());
        Value hedonism = c.value("hedonism").orElseThrow();
        List<String> out = h.propose(c.values(), List.of(seed), null, List.of("hedonism"), 4, 1500, 77L);
        long touched = out.stream().filter(s -> SimOptimizer.hasConcreteDirective(s, hedonism)
                || SimTarget.analyse(s).directives().get(0).text().contains(hedonism.name())).count();
        assertTrue(touched >= 2, "most candidates act on the weakest value: " + out);
        List<String> changes = new ArrayList<>(out);
        changes.removeIf(s -> s.equals(seed));
        assertEquals(4, changes.size());
    }
}
