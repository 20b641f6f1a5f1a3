package io.picaco.web;

import java.util.ArrayList;
import java.util.List;

/** A word-level diff (longest common subsequence of whitespace-separated words) between two texts. */
public final class WordDiff {
    public enum Kind {
        SAME, ADDED, REMOVED;

        public String css() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A run of consecutive words of one kind, joined by single spaces. */
    public record Part(Kind kind, String text) {
        public boolean added() {
            return kind == Kind.ADDED;
        }

        public boolean removed() {
            return kind == Kind.REMOVED;
        }
    }

    private WordDiff() {
    }

    public static List<Part> of(String before, String after) {
        String[] a = words(before);
        String[] b = words(after);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Part> parts = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                add(parts, Kind.SAME, a[i]);
                i++;
                j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                add(parts, Kind.REMOVED, a[i++]);
            } else {
                add(parts, Kind.ADDED, b[j++]);
            }
        }
        return parts;
    }

    private static void add(List<Part> parts, Kind kind, String word) {
        int last = parts.size() - 1;
        if (last >= 0 && parts.get(last).kind() == kind) {
            parts.set(last, new Part(kind, parts.get(last).text() + " " + word));
        } else {
            parts.add(new Part(kind, word));
        }
    }

    private static String[] words(String s) {
        String t = s == null ? "" : s.strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }
}
