package io.picaco.sim.optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.picaco.sim.lang.Text;

/**
 * The optimizer's house style: every sentence it writes starts with a capital letter, ends with a full stop,
 * has at most {@value #MAX_WORDS} words and no comma list of more than four single words.
 */
final class Prose {
    private Prose() {
    }

    static final int MAX_WORDS = 35;
    private static final Pattern NAME_DEF = Pattern.compile(
            "^(?:[-*•]\\s*|\\d+[.)]\\s*)?([\\p{L}][\\p{L}\\p{N} '/&-]{0,40}):\\s+(\\S.*)$");
    private static final Pattern BULLET = Pattern.compile("^(?:[-*•]\\s*|\\d+[.)]\\s*)");
    private static final Pattern LONG_LIST = Pattern.compile(
            "\\b(\\p{L}+(?:-\\p{L}+)?)((?:,\\s+\\p{L}+(?:-\\p{L}+)?){4,})(,?\\s+(?:and|or)\\s+\\p{L}+(?:-\\p{L}+)?)?\\b");

    /** An instruction as a list of tidy sentences: bullets and "Name: text" lines become sentences. */
    static List<String> sentences(String instruction) {
        List<String> out = new ArrayList<>();
        if (instruction == null) {
            return out;
        }
        for (String raw : instruction.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher nd = NAME_DEF.matcher(line);
            if (nd.matches() && Text.wordCount(nd.group(1)) <= 4
                    && (BULLET.matcher(line).find() || Text.sentences(line).size() == 1)) {
                line = nd.group(1).strip() + " means " + lowerFirst(nd.group(2).strip());
            } else {
                line = BULLET.matcher(line).replaceFirst("");
            }
            for (String s : Text.sentences(line)) {
                String t = tidy(s);
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** One sentence in house style, or "" when nothing is left of it. */
    static String tidy(String sentence) {
        String s = Text.stripTrailing(sentence.strip(), ".!?:;, " + Text.SPACE);
        s = shortenLists(s);
        List<String> tokens = new ArrayList<>(List.of(s.split("\\s+")));
        if (tokens.size() > MAX_WORDS) {
            int cut = MAX_WORDS;
            for (int i = MAX_WORDS - 1; i >= MAX_WORDS / 2; i--) {
                if (tokens.get(i).endsWith(",") || tokens.get(i).endsWith(":") || tokens.get(i).endsWith(";")) {
                    cut = i + 1;
                    break;
                }
            }
            s = Text.stripTrailing(String.join(" ", tokens.subList(0, cut)), ",:; ");
        }
        if (Text.words(s).isEmpty()) {
            return "";
        }
        return Text.capitalize(s) + ".";
    }

    /** "a, b, c, d, e and f" → "a, b, c and d": a reader can take four at a glance. */
    static String shortenLists(String s) {
        Matcher m = LONG_LIST.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String[] items = (m.group(1) + m.group(2)).split(",\\s+");
            String conj = m.group(3) != null && m.group(3).contains(" or ") ? " or " : " and ";
            m.appendReplacement(sb, Matcher.quoteReplacement(items[0] + ", " + items[1] + ", " + items[2] + conj
                    + items[3]));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static String lowerFirst(String s) {
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))
                ? Character.toLowerCase(s.charAt(0)) + s.substring(1)
                : s;
    }

    static int words(String s) {
        return Text.wordCount(s);
    }
}
