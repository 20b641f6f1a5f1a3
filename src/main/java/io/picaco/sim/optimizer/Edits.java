package io.picaco.sim.optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.picaco.sim.lang.Lexicon;
import io.picaco.sim.lang.Text;

/**
 * The optimizer's generic edit operators on an instruction's sentences. None knows what the raters reward: each
 * is a guess a writer might try, and many make the instruction worse.
 */
final class Edits {
    private Edits() {
    }

    enum Op {
        ADD, REORDER, MERGE, SHORTEN, BALANCE, PARAPHRASE, DROP
    }

    private static final Op[] OPS = Op.values();
    private static final double[] WEIGHTS = { 0.36, 0.06, 0.2, 0.14, 0.08, 0.1, 0.06 };

    static Op pick(Random rnd) {
        double x = rnd.nextDouble();
        for (int i = 0; i < OPS.length; i++) {
            x -= WEIGHTS[i];
            if (x < 0) {
                return OPS[i];
            }
        }
        return Op.ADD;
    }

    /** Applies {@code op} to a copy of {@code sentences}; {@code brief} says what the prompt taught. */
    static List<String> apply(Op op, List<String> sentences, Brief brief, Random rnd) {
        List<String> s = new ArrayList<>(sentences);
        switch (op) {
            case ADD -> add(s, brief, rnd);
            case REORDER -> {
                if (s.size() >= 2) {
                    s.add(0, s.remove(1 + rnd.nextInt(s.size() - 1)));
                }
            }
            case MERGE -> merge(s, rnd);
            case SHORTEN -> shorten(s, rnd);
            case BALANCE -> {
                if (s.stream().noneMatch(Phrasing.BALANCE::contains)) {
                    s.add(rnd.nextBoolean() ? s.size() : 0, Phrasing.BALANCE.get(rnd.nextInt(Phrasing.BALANCE.size())));
                }
            }
            case PARAPHRASE -> {
                if (!s.isEmpty()) {
                    int i = rnd.nextInt(s.size());
                    s.set(i, Prose.tidy(Lexicon.paraphrase(s.get(i), 0.6, rnd)));
                }
            }
            case DROP -> {
                if (s.size() > 1) {
                    s.remove(rnd.nextInt(s.size()));
                }
            }
        }
        return s;
    }

    /**
     * A sentence for one value the prompt reports weak or missing, or one sentence for two of them, in place of
     * what said them before, or added.
     */
    private static void add(List<String> s, Brief brief, Random rnd) {
        Phrasing.PromptValue v = brief.pickWeak(rnd);
        if (v == null) {
            return;
        }
        String sentence = Phrasing.sentence(v, style(brief, rnd), brief.paraphraseShare(), rnd);
        List<Phrasing.PromptValue> covered = new ArrayList<>(List.of(v));
        Phrasing.PromptValue w = rnd.nextDouble() < 0.4 ? brief.pickWeak(rnd) : null;
        if (w != null && !w.equals(v)) {
            String second = Phrasing.sentence(w, style(brief, rnd), brief.paraphraseShare(), rnd);
            String both = Text.stripTrailing(sentence, ". ") + ", and " + Prose.lowerFirst(second);
            if (Prose.words(both) <= Prose.MAX_WORDS) {
                sentence = Prose.tidy(both);
                covered.add(w);
            }
        }
        int at = -1;
        for (Phrasing.PromptValue c : covered) {
            int about = statementAbout(s, c);
            if (about >= 0 && rnd.nextDouble() < 0.7) {
                s.remove(about);
                at = at < 0 ? about : Math.min(at, about);
            }
        }
        s.add(at >= 0 ? Math.min(at, s.size()) : rnd.nextInt(s.size() + 1), sentence);
    }

    private static Phrasing.Style style(Brief brief, Random rnd) {
        double x = rnd.nextDouble();
        return x < brief.concreteShare() ? Phrasing.Style.CONCRETE
                : x < brief.concreteShare() + 0.3 ? Phrasing.Style.PLAIN : Phrasing.Style.WEAK;
    }

    /** The sentence that states a value's definition ("Name means …", or quoting it), or -1. */
    private static int statementAbout(List<String> s, Phrasing.PromptValue v) {
        for (int i = 0; i < s.size(); i++) {
            String low = s.get(i).toLowerCase(java.util.Locale.ROOT);
            if (low.startsWith(v.name().toLowerCase(java.util.Locale.ROOT) + " means")
                    || Text.hasVerbatimRun(s.get(i), v.definition(), 6)) {
                return i;
            }
        }
        return -1;
    }

    /** A sentence for each value that no sentence speaks of, by its name or its definition's words. */
    static List<String> coverMissing(List<String> sentences, Brief brief, Random rnd) {
        List<String> s = new ArrayList<>(sentences);
        for (Phrasing.PromptValue v : brief.values) {
            java.util.Set<String> name = Text.contentStems(v.name());
            java.util.Set<String> words = Lexicon.conceptStems(v.definition());
            boolean covered = s.stream().anyMatch(x -> {
                java.util.Set<String> st = Text.contentStems(x);
                long hits = st.stream().filter(words::contains).count();
                return (!name.isEmpty() && st.containsAll(name)) || hits >= 2;
            });
            if (!covered) {
                Phrasing.Style style = rnd.nextDouble() < brief.concreteShare() ? Phrasing.Style.CONCRETE
                        : Phrasing.Style.PLAIN;
                s.add(Phrasing.sentence(v, style, brief.paraphraseShare(), rnd));
            }
        }
        return s;
    }

    private static void merge(List<String> s, Random rnd) {
        if (s.size() < 2) {
            return;
        }
        int i = rnd.nextInt(s.size() - 1);
        String a = Text.stripTrailing(s.get(i), ". ");
        String b = Prose.lowerFirst(s.get(i + 1));
        String merged = a + ", and " + b;
        if (Prose.words(merged) <= Prose.MAX_WORDS) {
            s.set(i, Prose.tidy(merged));
            s.remove(i + 1);
        }
    }

    /**
     * Drops a sentence that says nothing to do (a preamble), or tightens: every long sentence with a colon loses
     * what follows it, or else one long sentence is cut at its last comma.
     */
    private static void shorten(List<String> s, Random rnd) {
        for (int i = 0; i < s.size() && rnd.nextBoolean(); i++) {
            String low = s.get(i).toLowerCase(java.util.Locale.ROOT);
            if (low.startsWith("you are") || low.contains("the following")) {
                s.remove(i);
                return;
            }
        }
        boolean tightened = false;
        for (int i = 0; i < s.size(); i++) {
            String t = s.get(i);
            int colon = t.indexOf(": ");
            if (Prose.words(t) >= 15 && colon > t.length() / 4) {
                s.set(i, Prose.tidy(t.substring(0, colon)));
                tightened = true;
            }
        }
        if (tightened) {
            return;
        }
        List<Integer> long_ = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (Prose.words(s.get(i)) >= 12) {
                long_.add(i);
            }
        }
        if (long_.isEmpty()) {
            return;
        }
        int i = long_.get(rnd.nextInt(long_.size()));
        String t = s.get(i);
        int colon = t.indexOf(": ");
        int cut = colon > 0 ? colon : t.lastIndexOf(", ");
        if (cut > t.length() / 3) {
            s.set(i, Prose.tidy(t.substring(0, cut)));
        } else if (s.size() > 1) {
            s.remove(i);
        }
    }
}
