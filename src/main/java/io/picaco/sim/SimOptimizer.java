package io.picaco.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.picaco.core.BuiltInCompositions;
import io.picaco.core.SeedInstruction;
import io.picaco.core.Tension;
import io.picaco.core.Value;

/**
 * The simulated optimizer ({@code sim-optimizer}): edits the best instruction it is shown with
 * seeded operators and returns the requested number of distinct candidates.
 */
public final class SimOptimizer {

    /** The balance clause the optimizer adds (read by the target as "integrate all values"). */
    public static final String BALANCE_CLAUSE =
            "Integrate all of these values together in every answer, balancing them instead of favouring one.";
    /** The conflict clause the optimizer adds (makes the target add a reconciling sentence). */
    public static final String CONFLICT_CLAUSE =
            "When values conflict, say so in one sentence and explain how you reconcile them.";

    static final List<String> TEMPLATES = List.of(
            "Give one specific example of %s.",
            "Offer a concrete tip on %s.",
            "Mention one practical step for %s.",
            "Point out one specific detail on %s.");

    static final List<String> AVOID_TEMPLATES = List.of(
            "Point out one specific way to steer clear of %s.",
            "Give one concrete tip to steer clear of %s.");

    private static final java.util.regex.Pattern NEGATOR = java.util.regex.Pattern.compile(
            "(?i)^(not|no|never|without|avoiding|avoid|avoids|nor)$");

    /** Content words within six words after a negator, not crossing ':' or '.'. */
    static Set<String> negatedWords(String definition) {
        Set<String> out = new HashSet<>();
        for (String part : definition.split("[:.;]")) {
            List<String> w = SimText.words(part);
            int left = 0;
            for (String x : w) {
                if (NEGATOR.matcher(x).matches()) {
                    left = 6;
                } else if (left > 0) {
                    left--;
                    if (SimText.isContent(x)) {
                        out.add(x);
                    }
                }
            }
        }
        return out;
    }

    /** Merged directives stay short (the target reads long directives less attentively). */
    static final int MAX_MERGED_WORDS = 24;
    /** Last resort when the remaining short directives cannot be paired (a known tension): fold into a merged one. */
    static final int MAX_FOLDED_WORDS = 30;

    /**
     * Propose {@code count} distinct candidates, none equal to an instruction of the trajectory.
     *
     * @param trajectory earlier instructions in ascending order of score (the last is the best); may be empty
     * @param weakest    value ids, weakest first; may be empty
     */
    public List<String> propose(List<Value> values, List<String> trajectory, List<String> weakest, int count,
            int maxLength, Random rnd) {
        String best = trajectory.isEmpty() ? SeedInstruction.forValues(values) : trajectory.get(trajectory.size() - 1);
        List<Value> weak = new ArrayList<>();
        for (String id : weakest) {
            values.stream().filter(v -> v.id().equals(id)).findFirst().ifPresent(weak::add);
        }
        for (Value v : values) {
            if (!weak.contains(v)) {
                weak.add(v);
            }
        }
        Set<String> seen = new HashSet<>();
        for (String t : trajectory) {
            seen.add(normalise(t));
        }
        seen.add(normalise(best));
        List<String> out = new ArrayList<>();
        int attempts = 0;
        while (out.size() < count && attempts < 60 * Math.max(1, count)) {
            attempts++;
            Value focus = weak.get(Math.min(weak.size() - 1, (out.size() + attempts / 8) % Math.max(1, Math.min(3, weak.size()))));
            String cand = best;
            int ops = 1 + rnd.nextInt(attempts > 20 ? 5 : 4);
            for (int i = 0; i < ops; i++) {
                cand = applyRandom(cand, values, focus, rnd);
                focus = weak.get(rnd.nextInt(Math.min(weak.size(), 3)));
            }
            cand = trim(cand, maxLength);
            if (cand.isBlank() || !seen.add(normalise(cand))) {
                continue;
            }
            out.add(cand);
        }
        // last resort: variants of the best with a freshly worded directive for some value
        int k = 0;
        while (out.size() < count) {
            Value v = values.get(k % values.size());
            String cand = trim(appendDirective(best, directiveFor(v, values, rnd)), maxLength);
            if (seen.add(normalise(cand))) {
                out.add(cand);
            } else if (k > 200) {
                cand = trim(best + "\n" + directiveFor(v, values, rnd) + " (" + (k - 200) + ")", maxLength);
                if (seen.add(normalise(cand))) {
                    out.add(cand);
                }
            }
            k++;
        }
        return out;
    }

    private static String normalise(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /** Apply one operator chosen with weights that favour those that change something. */
    String applyRandom(String instr, List<Value> values, Value focus, Random rnd) {
        List<UnaryOperator<String>> ops = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        SimTarget.Analysis a = SimTarget.analyse(instr);
        if (quotedLine(instr, focus) >= 0) {
            ops.add(s -> paraphrase(s, focus, values, rnd));
            weights.add(4.0);
        }
        if (!hasConcreteDirective(instr, focus)) {
            ops.add(s -> addDirective(s, focus, values, rnd));
            weights.add(3.0);
        }
        ops.add(s -> moveFirst(s, focus));
        weights.add(1.0);
        if (!a.balanceClause()) {
            ops.add(SimOptimizer::addBalanceClause);
            weights.add(2.0);
        }
        if (!a.conflictClause() && !BuiltInCompositions.tensionsAmong(values).isEmpty()) {
            ops.add(SimOptimizer::addConflictClause);
            weights.add(1.5);
        }
        if (a.directives().size() > Math.max(1, a.budget() - 1)) {
            ops.add(s -> merge(s, values, rnd));
            weights.add(a.directives().size() > a.budget() ? 3.0 : 1.0);
        }
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        double r = rnd.nextDouble() * total;
        for (int i = 0; i < ops.size(); i++) {
            r -= weights.get(i);
            if (r <= 0) {
                return ops.get(i).apply(instr);
            }
        }
        return ops.get(ops.size() - 1).apply(instr);
    }

    // ---------------------------------------------------------------- operators

    /** A concrete imperative directive for {@code v}, built from a few of its content words (never quoting it). */
    public static String directiveFor(Value v, List<Value> all, Random rnd) {
        Set<String> otherStems = new HashSet<>();
        for (Value o : all) {
            if (!o.id().equals(v.id())) {
                otherStems.addAll(SimText.contentStems(o.name() + " " + o.definition()));
            }
        }
        // words the definition asks for (positive) and words it asks to avoid ("not revealing", "without bias")
        Set<String> negated = negatedWords(v.definition());
        List<String> positive = new ArrayList<>();
        List<String> avoid = new ArrayList<>();
        for (String w : SimText.contentWords(v.definition())) {
            if (SimTarget.VERBS.contains(w) || NEGATOR.matcher(w).matches()) {
                continue;
            }
            (negated.contains(w) ? avoid : positive).add(w);
        }
        boolean avoidForm = positive.size() < 2 && avoid.size() >= 2;
        for (String w : SimText.contentWords(v.name())) {
            if (positive.stream().noneMatch(p -> SimText.stem(p).equals(SimText.stem(w)))) {
                positive.add(w);
            }
        }
        List<String> pool = avoidForm ? avoid : positive;
        if (pool.size() < 3 && !avoidForm) {
            pool.addAll(avoid);
        }
        List<String> words = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        for (String w : pool) {
            (otherStems.contains(SimText.stem(w)) ? shared : words).add(w);
        }
        java.util.Collections.shuffle(words, rnd);
        java.util.Collections.shuffle(shared, rnd);
        words.addAll(shared);
        List<String> pick = new ArrayList<>(words.subList(0, Math.min(3, words.size())));
        if (pick.isEmpty()) {
            pick.add(v.name().toLowerCase(java.util.Locale.ROOT));
        }
        List<String> templates = avoidForm ? AVOID_TEMPLATES : TEMPLATES;
        for (int attempt = 0; attempt < 8; attempt++) {
            String d = String.format(java.util.Locale.ROOT, templates.get(rnd.nextInt(templates.size())),
                    SimText.joinList(pick, "and"));
            if (!SimText.hasVerbatimRun(d, v.definition(), SimJudge.PARROT_RUN)) {
                return d;
            }
        }
        return "Give one specific example about " + String.join(" or ", pick) + ".";
    }

    /** Add a concrete directive for {@code v} (replacing its quoted definition if there is one). */
    public static String addDirective(String instr, Value v, List<Value> values, Random rnd) {
        if (quotedLine(instr, v) >= 0) {
            return paraphrase(instr, v, values, rnd);
        }
        return appendDirective(instr, directiveFor(v, values, rnd));
    }

    static String appendDirective(String instr, String directive) {
        List<String> lines = lines(instr);
        int at = lines.size();
        while (at > 0 && isMeta(lines.get(at - 1))) {
            at--;
        }
        lines.add(at, directive);
        return String.join("\n", lines);
    }

    /** Replace the line that quotes {@code v}'s definition with a concrete paraphrased directive. */
    public static String paraphrase(String instr, Value v, List<Value> values, Random rnd) {
        List<String> lines = lines(instr);
        int i = quotedLine(instr, v);
        if (i < 0) {
            return instr;
        }
        lines.set(i, directiveFor(v, values, rnd));
        return String.join("\n", lines);
    }

    /** Move the directive that serves {@code v} best to the first directive position. */
    public static String moveFirst(String instr, Value v) {
        List<String> lines = lines(instr);
        int best = -1;
        int bestOverlap = 0;
        Set<String> stems = SimText.contentStems(v.name() + " " + v.definition());
        for (int i = 0; i < lines.size(); i++) {
            if (isMeta(lines.get(i)) || isPreamble(lines.get(i))) {
                continue;
            }
            Set<String> ls = new HashSet<>(SimText.contentStems(lines.get(i)));
            ls.retainAll(stems);
            if (ls.size() > bestOverlap) {
                bestOverlap = ls.size();
                best = i;
            }
        }
        int first = 0;
        while (first < lines.size() && isPreamble(lines.get(first))) {
            first++;
        }
        if (best < 0 || best == first) {
            return instr;
        }
        String line = lines.remove(best);
        lines.add(first, line);
        return String.join("\n", lines);
    }

    public static String addBalanceClause(String instr) {
        return SimTarget.analyse(instr).balanceClause() ? instr : instr.strip() + "\n" + BALANCE_CLAUSE;
    }

    public static String addConflictClause(String instr) {
        return SimTarget.analyse(instr).conflictClause() ? instr : instr.strip() + "\n" + CONFLICT_CLAUSE;
    }

    /**
     * Merge two compatible imperative directives (serving values that are not a known tension pair)
     * into one sentence; the shortest compatible pair is preferred, ties broken at random.
     */
    public static String merge(String instr, List<Value> values, Random rnd) {
        List<String> lines = lines(instr);
        List<Integer> cands = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!isMeta(l) && !isPreamble(l) && SimTarget.classify(l) == SimTarget.Kind.IMPERATIVE
                    && SimText.sentences(l).size() == 1) {
                cands.add(i);
            }
        }
        List<Tension> tensions = BuiltInCompositions.tensionsAmong(values);
        int bestI = -1;
        int bestJ = -1;
        // two short directives first; only when none fit, fold a directive into an already merged one
        for (int limit : new int[] { MAX_MERGED_WORDS, MAX_FOLDED_WORDS }) {
            double bestCost = Double.MAX_VALUE;
            for (int x = 0; x < cands.size(); x++) {
                for (int y = x + 1; y < cands.size(); y++) {
                    int i = cands.get(x);
                    int j = cands.get(y);
                    if (SimText.wordCount(lines.get(i)) + SimText.wordCount(lines.get(j)) > limit
                            || !compatible(lines.get(i), lines.get(j), values, tensions)) {
                        continue;
                    }
                    // pair a value that has a known tension with one that has none, so that no incompatible pair is left over
                    boolean ci = constrained(lines.get(i), values, tensions);
                    boolean cj = constrained(lines.get(j), values, tensions);
                    double cost = SimText.wordCount(lines.get(i)) + SimText.wordCount(lines.get(j)) + rnd.nextDouble() * 6
                            + (ci != cj ? -10 : 0) + (!ci && !cj ? 4 : 0);
                    if (cost < bestCost) {
                        bestCost = cost;
                        bestI = i;
                        bestJ = j;
                    }
                }
            }
            if (bestI >= 0) {
                break;
            }
        }
        if (bestI < 0) {
            return instr;
        }
        String a = SimText.stripTrailing(lines.get(bestI).strip(), ".!?;");
        String b = SimTarget.core(lines.get(bestJ)).strip();
        b = Character.toLowerCase(b.charAt(0)) + b.substring(1);
        lines.set(bestI, a + ", and " + b);
        lines.remove(bestJ);
        return String.join("\n", lines);
    }

    private static boolean compatible(String a, String b, List<Value> values, List<Tension> tensions) {
        Set<String> va = servedBy(a, values);
        Set<String> vb = servedBy(b, values);
        for (Tension t : tensions) {
            if ((va.contains(t.a()) && vb.contains(t.b())) || (va.contains(t.b()) && vb.contains(t.a()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean constrained(String line, List<Value> values, List<Tension> tensions) {
        for (String id : servedBy(line, values)) {
            if (tensions.stream().anyMatch(t -> t.involves(id))) {
                return true;
            }
        }
        return false;
    }

    static Set<String> servedBy(String line, Collection<Value> values) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> ls = SimText.contentStems(line);
        for (Value v : values) {
            Set<String> o = new HashSet<>(SimText.contentStems(v.name() + " " + v.definition()));
            o.retainAll(ls);
            if (o.size() >= 2) {
                out.add(v.id());
            }
        }
        return out;
    }

    /** Trim to {@code maxLength} characters: drop the preamble, then whole lines from the end, then cut. */
    public static String trim(String instr, int maxLength) {
        if (instr.length() <= maxLength) {
            return instr;
        }
        List<String> lines = lines(instr);
        lines.removeIf(SimOptimizer::isPreamble);
        // drop quoted (declarative) lines from the end, then any non-meta line from the end
        for (int pass = 0; pass < 2 && String.join("\n", lines).length() > maxLength; pass++) {
            for (int i = lines.size() - 1; i >= 0 && String.join("\n", lines).length() > maxLength; i--) {
                String l = lines.get(i);
                if (isMeta(l) || lines.size() <= 1) {
                    continue;
                }
                if (pass == 1 || SimTarget.classify(l) == SimTarget.Kind.DECLARATIVE) {
                    lines.remove(i);
                }
            }
        }
        String s = String.join("\n", lines);
        if (s.length() > maxLength) {
            s = s.substring(0, maxLength);
            int cut = Math.max(s.lastIndexOf(". "), s.lastIndexOf('\n'));
            if (cut > maxLength / 2) {
                s = s.substring(0, cut + 1);
            }
        }
        return s.strip();
    }

    // ---------------------------------------------------------------- helpers

    static List<String> lines(String instr) {
        List<String> out = new ArrayList<>();
        for (String l : instr.split("\\R")) {
            if (!l.isBlank()) {
                out.add(l.strip());
            }
        }
        return out;
    }

    static boolean isMeta(String line) {
        SimTarget.Analysis a = SimTarget.analyse(line);
        return (a.balanceClause() || a.conflictClause()) && a.directives().isEmpty();
    }

    static boolean isPreamble(String line) {
        return !isMeta(line) && SimTarget.analyse(line).directives().isEmpty();
    }

    /** Index of the line that quotes {@code v}'s definition (≥ 6 consecutive words), or -1. */
    static int quotedLine(String instr, Value v) {
        List<String> lines = lines(instr);
        for (int i = 0; i < lines.size(); i++) {
            if (SimText.hasVerbatimRun(lines.get(i), v.definition(), SimJudge.PARROT_RUN)) {
                return i;
            }
        }
        return -1;
    }

    static boolean hasConcreteDirective(String instr, Value v) {
        for (String l : lines(instr)) {
            if (!isMeta(l) && !isPreamble(l) && SimTarget.classify(l) == SimTarget.Kind.IMPERATIVE
                    && !SimText.hasVerbatimRun(l, v.definition(), SimJudge.PARROT_RUN)
                    && servedBy(l, List.of(v)).contains(v.id())) {
                return true;
            }
        }
        return false;
    }
}
