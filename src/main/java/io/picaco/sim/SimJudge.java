package io.picaco.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.picaco.core.BuiltInCompositions;
import io.picaco.core.Composition;
import io.picaco.core.Tension;
import io.picaco.core.Value;

/**
 * The simulated judge ({@code sim-judge}). It rates each value from the response alone, by the
 * overlap of content-word stems between response sentences and the value's name and definition:
 * not addressed → 1, only named or parroted → 3, enacted → 4, enacted with an example or in two
 * sentences → 5. A known tension pair enacted without a reconciling sentence costs each side one point.
 */
public final class SimJudge {

    /** One rating as the judge returns it. */
    public record Rating(String value, int rating, String reason) {
    }

    public static final int PARROT_RUN = 6;
    static final int EVIDENCE_STEMS = 2;

    private static final Pattern EXAMPLE = Pattern.compile("(?i)\\b(for example|for instance|e\\.g\\.|such as)\\b");
    private static final Pattern RECONCILE = Pattern.compile(
            "(?i)pull in different directions|middle path|trade-?off|reconcil|weigh(?:ing)? both|balance between|on the other hand");

    private static final Map<String, Value> BUILT_IN = new LinkedHashMap<>();
    private static final List<Tension> TENSIONS;

    static {
        for (Composition c : BuiltInCompositions.all()) {
            for (Value v : c.values()) {
                BUILT_IN.putIfAbsent(v.id(), v);
            }
        }
        TENSIONS = BuiltInCompositions.tensionsAmong(List.copyOf(BUILT_IN.values()));
    }

    /** Rate every value of {@code values} for {@code response} to {@code query}. */
    public List<Rating> judge(List<Value> values, String query, String response) {
        Set<String> queryStems = SimText.contentStems(query);
        List<String> sentences = SimText.sentences(response);
        List<Value> known = new ArrayList<>(values);
        for (Value b : BUILT_IN.values()) {
            if (values.stream().noneMatch(v -> v.id().equals(b.id()))) {
                known.add(b);
            }
        }
        // sentences that quote any known definition verbatim are parroting, never enactment
        Set<Integer> parroting = new HashSet<>();
        for (int i = 0; i < sentences.size(); i++) {
            for (Value k : known) {
                if (SimText.hasVerbatimRun(sentences.get(i), k.definition(), PARROT_RUN)) {
                    parroting.add(i);
                    break;
                }
            }
        }
        boolean reconciled = sentences.stream().anyMatch(s -> RECONCILE.matcher(s).find());

        List<Rating> out = new ArrayList<>();
        for (Value v : values) {
            Assessment a = assess(v, sentences, parroting, queryStems);
            int rating = a.rating;
            String reason = a.reason;
            if (rating >= 4 && !reconciled) {
                for (Tension t : TENSIONS) {
                    if (!t.involves(v.id())) {
                        continue;
                    }
                    String otherId = t.a().equals(v.id()) ? t.b() : t.a();
                    Value other = values.stream().filter(x -> x.id().equals(otherId)).findFirst()
                            .orElse(BUILT_IN.get(otherId));
                    if (other != null && assess(other, sentences, parroting, queryStems).rating >= 4) {
                        rating -= 1;
                        reason += " Clashes with " + other.name() + " (" + t.why() + ") without reconciling them: -1.";
                        break;
                    }
                }
            }
            out.add(new Rating(v.id(), Math.max(1, Math.min(5, rating)), reason));
        }
        return out;
    }

    private record Assessment(int rating, String reason) {
    }

    private static Assessment assess(Value v, List<String> sentences, Set<Integer> parroting, Set<String> queryStems) {
        Set<String> stems = new HashSet<>(SimText.contentStems(v.name() + " " + v.definition()));
        stems.removeAll(queryStems);
        Set<String> nameStems = SimText.contentStems(v.name());
        List<String> evidence = new ArrayList<>();
        boolean example = false;
        String parrotQuote = null;
        String nameQuote = null;
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            Set<String> ss = SimText.contentStems(s);
            if (parrotQuote == null && SimText.hasVerbatimRun(s, v.definition(), PARROT_RUN)) {
                parrotQuote = s;
            }
            if (nameQuote == null && !nameStems.isEmpty() && ss.containsAll(nameStems)) {
                nameQuote = s;
            }
            if (parroting.contains(i) || RECONCILE.matcher(s).find()) {
                continue;
            }
            Set<String> overlap = new HashSet<>(ss);
            overlap.retainAll(stems);
            if (overlap.size() >= EVIDENCE_STEMS) {
                evidence.add(s);
                example |= EXAMPLE.matcher(s).find();
            }
        }
        if (parrotQuote != null) {
            return new Assessment(3, "Mentioned, not enacted: repeats the definition verbatim (\"" + quote(parrotQuote)
                    + "\").");
        }
        if (!evidence.isEmpty()) {
            boolean strong = evidence.size() >= 2 || example;
            return new Assessment(strong ? 5 : 4,
                    (strong ? "Enacted concretely" + (example ? " with an example" : " in two sentences") : "Enacted")
                            + ": \"" + quote(evidence.get(0)) + "\".");
        }
        if (nameQuote != null) {
            return new Assessment(3, "Only named: \"" + quote(nameQuote) + "\".");
        }
        return new Assessment(1, "Not addressed in the response.");
    }

    private static String quote(String s) {
        List<String> w = List.of(s.split("\\s+"));
        String q = w.size() <= 14 ? s : String.join(" ", w.subList(0, 14)) + " …";
        return q.replace("\"", "'");
    }
}
