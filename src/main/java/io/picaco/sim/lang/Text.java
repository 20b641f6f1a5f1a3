package io.picaco.sim.lang;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Word-level helpers shared by the simulated models: tokens, stopwords, stems, sentences, stable seeds. */
public final class Text {
    private Text() {
    }


    /**
     * Function words and the generic words of requests and instructions ("answer", "example", "always"):
     * general English that is evidence for nothing in particular.
     */
    static final Set<String> STOPWORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "with", "from",
            "into", "onto", "about", "over", "under", "after", "before", "than", "then", "as", "so", "if", "when",
            "while", "that", "this", "these", "those", "it", "its", "is", "are", "was", "were", "be", "been", "being",
            "do", "does", "did", "doing", "have", "has", "had", "having", "can", "could", "will", "would", "shall",
            "should", "may", "might", "must", "not", "no", "yes", "you", "your", "yours", "yourself", "i", "me", "my",
            "we", "our", "us", "they", "them", "their", "he", "she", "his", "her", "him", "who", "whom", "which",
            "what", "where", "why", "how", "there", "here", "all", "any", "each", "every", "some", "such", "own",
            "other", "others", "also", "just", "only", "very", "too", "more", "most", "much", "many", "one", "two",
            "down", "up", "out", "off", "again", "instead", "without", "within", "through", "either",
            "whether", "because", "though", "although", "even", "still", "yet", "via", "per", "s", "t", "don't",
            "it's", "i'm", "you're", "let", "lets", "get", "gets", "getting", "make", "makes", "making", "give",
            "gives", "giving", "take", "takes", "taking", "way", "ways", "thing", "things", "something",
            "always", "never", "please", "important", "answer", "answers", "response", "responses", "reply",
            "value", "values", "assistant", "following", "follow", "specific", "concrete", "example", "examples",
            "instance", "point", "points", "tip", "tips", "practical", "step", "steps", "mention", "offer", "suggest",
            "include", "explain", "show", "keep", "keeping", "mind", "sure", "use", "describe", "provide", "add",
            "note", "consider", "user", "users", "sentence", "sentences", "like", "well", "good", "better", "best",
            "really", "often", "suggestion", "suggestions", "try", "week", "small", "start", "first", "next", "case");

    /**
     * Lowercase word tokens, in order: runs of letters and digits, joined by single apostrophes or hyphens
     * ({@code don't}, {@code well-being}). A scanner rather than the regex {@code [\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*},
     * whose group repetition recurses once per joint and overflows the stack on "a-a-a-…" in a large request.
     */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String s = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        int n = s.length();
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            if (!wordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            i = skipWordChars(s, i);
            while (i + 1 < n && (s.charAt(i) == '\'' || s.charAt(i) == '-') && wordChar(s.codePointAt(i + 1))) {
                i = skipWordChars(s, i + 1);
            }
            String w = s.substring(start, i);
            if (w.endsWith("'s")) {
                w = w.substring(0, w.length() - 2);
            }
            out.add(w);
        }
        return out;
    }

    private static int skipWordChars(String s, int i) {
        while (i < s.length() && wordChar(s.codePointAt(i))) {
            i += Character.charCount(s.codePointAt(i));
        }
        return i;
    }

    /** {@code \p{L}} or {@code \p{N}}. */
    private static boolean wordChar(int cp) {
        int t = Character.getType(cp);
        return Character.isLetter(cp) || t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER
                || t == Character.OTHER_NUMBER;
    }

    /** Crude stem: the first five letters. */
    public static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.length() > 5 ? w.substring(0, 5) : w;
    }

    public static boolean isContent(String word) {
        return word.length() >= 3 && !STOPWORDS.contains(word) && !word.chars().allMatch(Character::isDigit);
    }

    /** Content words (stopwords removed), in order, first occurrence of each stem only. */
    public static List<String> contentWords(String text) {
        Map<String, String> byStem = new LinkedHashMap<>();
        for (String w : words(text)) {
            if (isContent(w)) {
                byStem.putIfAbsent(stem(w), w);
            }
        }
        return new ArrayList<>(byStem.values());
    }

    public static Set<String> contentStems(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : words(text)) {
            if (isContent(w)) {
                out.add(stem(w));
            }
        }
        return out;
    }

    /**
     * {@code s} without its trailing run of {@code chars}. A loop, not {@code [..]+$}: that regex backtracks
     * quadratically over a long run of such characters that does not reach the end (hostile requests).
     */
    public static String stripTrailing(String s, String chars) {
        int end = s.length();
        while (end > 0 && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    /** The characters of the regex class {@code \\s}. */
    public static final String SPACE = " \t\n\u000B\f\r";

    /** Sentences: split at line breaks and after . ! ? followed by white space. */
    public static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\\R")) {
            for (String s : line.split("(?<=[.!?])\\s+")) {
                String t = s.strip();
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Whether {@code text} contains a run of at least {@code n} consecutive words of {@code source}. */
    public static boolean hasVerbatimRun(String text, String source, int n) {
        return longestCommonRun(words(text), words(source)) >= n;
    }

    public static int longestCommonRun(List<String> a, List<String> b) {
        int best = 0;
        int[] prev = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            int[] cur = new int[b.size() + 1];
            for (int j = 1; j <= b.size(); j++) {
                if (a.get(i - 1).equals(b.get(j - 1))) {
                    cur[j] = prev[j - 1] + 1;
                    best = Math.max(best, cur[j]);
                }
            }
            prev = cur;
        }
        return best;
    }

    public static int wordCount(String text) {
        return words(text).size();
    }

    /** A stable 64-bit seed from SHA-256 of the parts (separated so that ("ab","c") ≠ ("a","bc")). */
    public static long stableSeed(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            byte[] d = md.digest();
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (d[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "a", "a and b", "a, b and c". */
    public static String joinList(List<String> items, String conj) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + conj + " " + items.get(items.size() - 1);
    }

    public static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
