package io.picaco.api;

/**
 * Text from users and models as it goes into an export: Markdown that renders it literally (no HTML, no links, no
 * table breaks), code fences it cannot close, and CSV cells a spreadsheet will not run as formulas.
 */
public final class ExportText {
    private static final String MD_SPECIALS = "\\`*_[]()#|!~{}";

    private ExportText() {
    }

    /** Inline Markdown: HTML characters as entities, Markdown punctuation escaped, line breaks as spaces. */
    public static String md(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\n', '\r' -> out.append(' ');
                default -> {
                    if (MD_SPECIALS.indexOf(c) >= 0) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** A fenced block whose fence is longer than any run of backticks in {@code text}, so nothing inside closes it. */
    public static String fence(String info, String text) {
        String t = text == null ? "" : text;
        int longest = 0;
        int run = 0;
        for (int i = 0; i < t.length(); i++) {
            run = t.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String f = "`".repeat(Math.max(3, longest + 1));
        return f + info + "\n" + t + "\n" + f + "\n";
    }

    /**
     * One CSV cell (RFC 4180, always quoted). Text that starts with {@code = + - @} (or a tab or carriage return)
     * is prefixed with {@code '} so spreadsheets show it rather than evaluate it (OWASP "CSV injection").
     */
    public static String csv(String text) {
        String t = text == null ? "" : text;
        if (!t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0) {
            t = "'" + t;
        }
        return "\"" + t.replace("\"", "\"\"") + "\"";
    }

    /** A number cell: written by us, never a formula. */
    public static String csv(Number n) {
        return n == null ? "" : n.toString();
    }
}
