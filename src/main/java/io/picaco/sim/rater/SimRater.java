package io.picaco.sim.rater;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.picaco.sim.lang.Text;

/**
 * A simulated rater: {@code sim-judge} (lenient, like a small judge) or {@code sim-evaluator} (strict, like a
 * strong one). Both read only the values, any tensions, the query and the response of their prompt's JSON block.
 * The lenient rater is fooled by a restated value (3); the strict one is not (2), and takes a point off every
 * value when most of the response does not answer the query.
 */
public final class SimRater {

    /** One rating as a rater returns it. */
    public record Rating(String value, int rating, String reason) {
    }

    /** A value as the prompt states it. */
    public record RatedValue(String id, String name, String definition) {
    }

    private static final Pattern RECONCILE = Pattern.compile(
            "(?i)pull (?:against|in different directions)|middle path|middle ground|trade-?off|reconcil|weigh(?:ing)? both|"
                    + "balance between|on the other hand");

    private final boolean strict;

    private SimRater(boolean strict) {
        this.strict = strict;
    }

    public static SimRater lenient() {
        return new SimRater(false);
    }

    public static SimRater strict() {
        return new SimRater(true);
    }

    /** The ratings for the task block of a rating prompt. */
    public List<Rating> rate(JsonNode block) {
        List<RatedValue> values = new ArrayList<>();
        for (JsonNode v : block.path("values")) {
            String id = v.path("id").asText("");
            if (!id.isBlank()) {
                values.add(new RatedValue(id, v.path("name").asText(id), v.path("definition").asText("")));
            }
        }
        List<String[]> tensions = new ArrayList<>();
        for (JsonNode t : block.path("tensions")) {
            JsonNode pair = t.path("values");
            if (pair.size() == 2) {
                tensions.add(new String[] { pair.get(0).asText(), pair.get(1).asText() });
            }
        }
        return rate(values, tensions, block.path("query").asText(""), block.path("response").asText(""));
    }

    public List<Rating> rate(List<RatedValue> values, List<String[]> tensions, String query, String response) {
        Set<String> queryStems = Text.contentStems(query);
        List<String> sentences = Text.sentences(response);
        Map<String, Evidence.Finding> found = new LinkedHashMap<>();
        List<Evidence> readers = new ArrayList<>();
        for (RatedValue v : values) {
            Evidence e = new Evidence(v.name(), v.definition(), queryStems);
            readers.add(e);
            found.put(v.id(), e.best(sentences, queryStems));
        }
        boolean offTopic = strict && answering(sentences, readers, queryStems) * 2 < sentences.size();
        boolean reconciled = sentences.stream().anyMatch(s -> RECONCILE.matcher(s).find());
        Map<String, Integer> ratings = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (RatedValue v : values) {
            Evidence.Finding f = found.get(v.id());
            ratings.put(v.id(), scale(f));
            reasons.put(v.id(), reason(f));
        }
        if (!reconciled) {
            for (String[] t : tensions) {
                if (ratings.getOrDefault(t[0], 0) >= 4 && ratings.getOrDefault(t[1], 0) >= 4) {
                    for (String id : t) {
                        ratings.merge(id, -1, Integer::sum);
                        reasons.merge(id, " Acts on values in tension without reconciling them: -1.", String::concat);
                    }
                }
            }
        }
        List<Rating> out = new ArrayList<>();
        for (RatedValue v : values) {
            int r = ratings.get(v.id());
            String reason = reasons.get(v.id());
            if (offTopic && r > 1) {
                r -= 1;
                reason += " Most of the response does not answer the question: -1.";
            }
            out.add(new Rating(v.id(), Math.max(1, Math.min(5, r)), reason));
        }
        return out;
    }

    private int scale(Evidence.Finding f) {
        return switch (f.level()) {
            case ABSENT -> 1;
            case MENTIONED, RESTATED -> strict ? 2 : 3;
            case ACTED -> f.concrete() && (!strict || f.aboutQuery()) ? 5 : 4;
        };
    }

    /** Sentences that answer the query: those that neither restate nor merely name a value. */
    private static int answering(List<String> sentences, List<Evidence> readers, Set<String> queryStems) {
        int n = 0;
        for (String s : sentences) {
            boolean onlyAboutValues = false;
            for (Evidence e : readers) {
                Evidence.Level l = e.read(s, queryStems).level();
                if (l == Evidence.Level.RESTATED || (l == Evidence.Level.MENTIONED && !e.read(s, queryStems).aboutQuery())) {
                    onlyAboutValues = true;
                    break;
                }
            }
            n += onlyAboutValues ? 0 : 1;
        }
        return n;
    }

    private static String reason(Evidence.Finding f) {
        return switch (f.level()) {
            case ABSENT -> "Not addressed in the response.";
            case MENTIONED -> "Only named, not acted on: \"" + quote(f.sentence()) + "\".";
            case RESTATED -> "Repeats the definition instead of acting on it: \"" + quote(f.sentence()) + "\".";
            case ACTED -> (f.concrete() ? "Acted on with a specific example" : "Acted on")
                    + (f.aboutQuery() ? " about the question" : "") + ": \"" + quote(f.sentence()) + "\".";
        };
    }

    private static String quote(String s) {
        String[] w = s.split("\\s+");
        String q = w.length <= 14 ? s : String.join(" ", java.util.Arrays.copyOf(w, 14)) + " …";
        return q.replace("\"", "'");
    }
}
