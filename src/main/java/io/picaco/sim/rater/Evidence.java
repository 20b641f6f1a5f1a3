package io.picaco.sim.rater;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.picaco.sim.lang.Lexicon;
import io.picaco.sim.lang.Text;

/** What one sentence of a response does with one value, read from the value's name and definition alone. */
final class Evidence {

    enum Level {
        ABSENT, MENTIONED, RESTATED, ACTED
    }

    record Finding(Level level, boolean concrete, boolean aboutQuery, String sentence) {
        static final Finding NONE = new Finding(Level.ABSENT, false, false, null);

        /** Orders findings from weakest to strongest evidence of the value. */
        int strength() {
            int base = switch (level) {
                case ABSENT -> 0;
                case MENTIONED, RESTATED -> 1;
                case ACTED -> 2;
            };
            return base * 4 + (concrete ? 2 : 0) + (aboutQuery ? 1 : 0);
        }
    }

    /** A definition quoted for this many words in a row is restated, whatever else the sentence does. */
    static final int RESTATED_RUN = 6;
    /** Words of the value's own vocabulary (in any words of the lexicon) a sentence needs to act on it. */
    static final int ACTED_STEMS = 2;

    static final Pattern ACTION = Pattern.compile("(?i)\\b(i suggest|i recommend|my advice|you could|you can|try|"
            + "make sure|take care|i avoid|start by|consider|ask|check|for example|for instance)\\b");
    static final Pattern SPECIFIC = Pattern.compile("(?i)\\b(for example|for instance|e\\.g\\.|such as)\\b|\\d");
    private static final Pattern WORD_LIST = Pattern.compile(
            "\\p{L}+(?:-\\p{L}+)?(?:,\\s+\\p{L}+(?:-\\p{L}+)?){1,},?\\s+(?:and|or)\\s+\\p{L}+(?:-\\p{L}+)?");

    private final String definition;
    private final Set<String> vocabulary;
    private final Set<String> nameStems;

    Evidence(String name, String definition, Set<String> queryStems) {
        this.definition = definition;
        this.vocabulary = new HashSet<>(Lexicon.conceptStems(name + " " + definition));
        this.vocabulary.removeAll(queryStems);
        this.nameStems = Text.contentStems(name);
    }

    Finding read(String sentence, Set<String> queryStems) {
        Set<String> stems = Text.contentStems(sentence);
        boolean aboutQuery = stems.stream().anyMatch(queryStems::contains);
        if (Text.hasVerbatimRun(sentence, definition, RESTATED_RUN)) {
            return new Finding(Level.RESTATED, false, aboutQuery, sentence);
        }
        // words inside a bare list of single words ("a, b, c and d") name things without saying anything of them
        Set<String> listed = new HashSet<>();
        Matcher m = WORD_LIST.matcher(sentence);
        while (m.find()) {
            listed.addAll(Text.contentStems(m.group()));
        }
        Set<String> hit = new HashSet<>(stems);
        hit.retainAll(vocabulary);
        Set<String> outsideList = new HashSet<>(hit);
        outsideList.removeAll(listed);
        if (hit.size() >= ACTED_STEMS && !outsideList.isEmpty() && ACTION.matcher(sentence).find()) {
            return new Finding(Level.ACTED, SPECIFIC.matcher(sentence).find(), aboutQuery, sentence);
        }
        boolean named = !nameStems.isEmpty() && stems.containsAll(nameStems);
        if (named || hit.size() >= ACTED_STEMS) {
            return new Finding(Level.MENTIONED, false, aboutQuery, sentence);
        }
        return Finding.NONE;
    }

    /** The strongest finding over the sentences. */
    Finding best(List<String> sentences, Set<String> queryStems) {
        Finding best = Finding.NONE;
        for (String s : sentences) {
            Finding f = read(s, queryStems);
            if (f.strength() > best.strength()) {
                best = f;
            }
        }
        return best;
    }
}
