package io.picaco.sim.target;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.picaco.sim.lang.Text;

/** The verbs by which the target tells a request to act from a request to honour words or a statement. */
final class Verbs {
    private Verbs() {
    }

    /** Verbs that ask for something to be done or said. */
    static final List<String> ACTION = List.of("give", "offer", "suggest", "mention", "include", "ask", "explain",
            "point", "name", "add", "show", "describe", "provide", "recommend", "note", "share", "propose", "invite",
            "encourage", "warn", "flag", "check", "cite", "refer", "tell", "acknowledge", "highlight", "remind",
            "spell", "walk", "lay", "frame", "connect", "relate", "link", "support", "protect", "treat", "use",
            "stay", "avoid", "never", "don't", "do", "end", "close", "start", "begin", "open", "finish", "list",
            "cover", "state", "write", "answer", "respond", "speak", "put", "try", "lead", "make", "help", "celebrate",
            "emphasise", "emphasize", "focus", "pay", "look", "leave", "stick", "bring", "be");

    /** Verbs that ask to hold something in regard, without saying what to do. */
    static final Set<String> GENERIC = Set.of("honour", "honor", "respect", "value", "reflect", "remember", "embody",
            "uphold", "consider", "follow", "observe", "cherish", "prioritise", "prioritize", "keep", "bear");

    static final Pattern AVOID = Pattern.compile("(?i)^(?:and\\s+)?(?:also\\s+)?(avoid|never|do not|don't)\\b\\s*");
    private static final Pattern SINGLE_WORD_LIST = Pattern.compile("\\b\\p{L}+(?:-\\p{L}+)?(?:,\\s+\\p{L}+(?:-\\p{L}+)?){1,}"
            + ",?\\s+(?:and|or)\\s+\\p{L}+(?:-\\p{L}+)?\\s*[.!]?$");

    static Reading.Kind kind(String part) {
        List<String> w = Text.words(part);
        if (w.isEmpty()) {
            return Reading.Kind.STATEMENT;
        }
        String first = w.get(0).equals("and") || w.get(0).equals("also") ? w.get(Math.min(1, w.size() - 1)) : w.get(0);
        if (GENERIC.contains(first)) {
            return Reading.Kind.LIST;
        }
        if (ACTION.contains(first)) {
            // an action whose whole object is a list of single words ("give examples of a, b and c") names them
            var list = SINGLE_WORD_LIST.matcher(part.strip());
            if (list.find()) {
                List<String> before = Text.contentWords(part.strip().substring(0, list.start()));
                before.removeAll(ACTION);
                if (before.isEmpty()) {
                    return Reading.Kind.LIST;
                }
            }
            return Reading.Kind.ACTION;
        }
        return Reading.Kind.STATEMENT;
    }
}
