package io.picaco.sim.target;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.picaco.sim.lang.Text;

/** What a query is about, as a phrase the target can put in its own sentences. */
final class Topic {
    private Topic() {
    }

    private static final Pattern LEADING_QUESTION = Pattern.compile(
            "(?i)^(?:please\\s+|(?:can|could|would|will)\\s+you\\s+(?:please\\s+)?|(?:how|what|why|when|where|which|who|whether)\\s+(?:do|does|can|could|should|would|is|are|to|much|many)?\\s*(?:i|we|you|it|one|there)?\\s*|(?:should|is|are|do|does|can|could|would|will)\\s+(?:i|we|you|it|there|my)\\s+)+");

    /** The query's topic as a phrase (second person, no question mark, at most ten words). */
    static String phrase(String query) {
        if (query == null || query.isBlank()) {
            return "this";
        }
        String q = query.strip().split("\\R")[0];
        List<String> parts = Text.sentences(q);
        if (!parts.isEmpty()) {
            q = parts.get(0);
        }
        q = Text.stripTrailing(q, "?!." + Text.SPACE);
        q = LEADING_QUESTION.matcher(q).replaceFirst("");
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String t : q.split("\\s+")) {
            if (n++ >= 10) {
                break;
            }
            String rep = switch (t.toLowerCase(Locale.ROOT)) {
                case "i", "me" -> "you";
                case "my" -> "your";
                case "mine" -> "yours";
                case "am" -> "are";
                case "i'm" -> "you're";
                case "myself" -> "yourself";
                default -> t;
            };
            sb.append(sb.length() > 0 ? " " : "").append(rep);
        }
        String t = Text.stripTrailing(sb.toString(), ",;:").strip();
        while (t.contains(" ")) { // do not end on a function word ("… on a")
            String last = t.substring(t.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
            if (Text.isContent(last) || last.equals("you") || last.equals("it")) {
                break;
            }
            t = t.substring(0, t.lastIndexOf(' '));
        }
        if (t.isEmpty()) {
            return "this";
        }
        return Character.isUpperCase(t.charAt(0)) && (t.length() < 2 || !Character.isUpperCase(t.charAt(1)))
                ? Character.toLowerCase(t.charAt(0)) + t.substring(1)
                : t;
    }

    /** A short handle on the topic: its first two content words ("move abroad"), or "this". */
    static String handle(String query) {
        List<String> w = Text.contentWords(phrase(query));
        if (w.isEmpty()) {
            return "this";
        }
        return w.size() == 1 ? w.get(0) : w.get(0) + " " + w.get(1);
    }
}
