package io.picaco.sim.optimizer;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.picaco.sim.lang.Lexicon;
import io.picaco.sim.lang.Text;

/** How the optimizer words a sentence for one value, from the value's name and definition alone. */
final class Phrasing {
    private Phrasing() {
    }

    /** A value as the optimizer's prompt states it. */
    record PromptValue(String id, String name, String definition) {
    }

    enum Style {
        CONCRETE, PLAIN, WEAK
    }

    static final List<String> CONCRETE = List.of("Give one concrete example of %s.",
            "Suggest one practical step that shows %s.", "Offer one specific way of acting on %s.");
    static final List<String> PLAIN = List.of("Make room for %s in the advice.", "Bring %s into the advice.",
            "Point out where %s matters for the question.");
    static final List<String> BALANCE = List.of("Balance these aims in every answer.",
            "Bring all of these aims together in each answer.",
            "When two aims pull against each other, weigh both and look for a middle path.",
            "Bring these aims together, and where two of them pull against each other, say so and find a middle path.");

    private static final Pattern CLAUSE_END = Pattern.compile(
            ",\\s+and\\s|,\\s+including\\s|,\\s+without\\s|\\s+that\\s|\\s+which\\s|\\s+who\\s|,\\s");

    /** The sentence for {@code v} in a style; {@code paraphrase} is the share of words said in other words. */
    static String sentence(PromptValue v, Style style, double paraphrase, Random rnd) {
        String np = Lexicon.paraphrase(nounPhrase(v.definition()), paraphrase, rnd);
        String s = switch (style) {
            case CONCRETE -> String.format(CONCRETE.get(rnd.nextInt(CONCRETE.size())), np);
            case PLAIN -> String.format(PLAIN.get(rnd.nextInt(PLAIN.size())), np);
            case WEAK -> switch (rnd.nextInt(3)) {
                case 0 -> "Remember " + Prose.lowerFirst(v.name()) + ".";
                case 1 -> "Keep " + np + " in mind.";
                default -> v.name() + " means " + np + ".";
            };
        };
        return Prose.tidy(s);
    }

    /**
     * The gist of a definition as a phrase: its first clause (before a colon, or cut at the first clause break
     * after eight words), lengthened by the first item after the colon when it is too thin to act on.
     */
    static String nounPhrase(String definition) {
        String d = Text.stripTrailing(definition == null ? "" : definition.strip(), ".!? ");
        int colon = d.indexOf(':');
        String head = colon > 0 ? d.substring(0, colon) : d;
        String tail = colon > 0 ? d.substring(colon + 1).strip() : "";
        head = firstClause(head, 8);
        if (Text.contentWords(head).size() < 3 && !tail.isEmpty()) {
            String item = firstClause(tail.split(",\\s+")[0], 3);
            head = head + ", with " + Prose.lowerFirst(item);
        }
        return Prose.lowerFirst(Text.stripTrailing(head, ",;: "));
    }

    private static String firstClause(String s, int minWords) {
        Matcher m = CLAUSE_END.matcher(s);
        while (m.find()) {
            if (Text.wordCount(s.substring(0, m.start())) >= minWords) {
                return s.substring(0, m.start());
            }
        }
        return s;
    }
}
