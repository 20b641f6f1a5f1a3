package io.picaco.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.picaco.AppJson;

/**
 * Reads queries from an uploaded file: JSONL (each line a JSON string or an object with a "query", "prompt" or
 * "text" field) or CSV (the first column, or the column headed query/prompt/text; a header row is skipped).
 */
public final class QueryFiles {
    private static final List<String> FIELDS = List.of("query", "prompt", "text", "question");

    private QueryFiles() {
    }

    /** Thrown with a message fit to show next to the file field. */
    public static class BadFile extends Exception {
        public BadFile(String message) {
            super(message);
        }
    }

    /**
     * The query on one line: each line break with the white space around it becomes one space. A loop, not
     * {@code \\s*\\R\\s*}, which backtracks quadratically over long runs of spaces in an uploaded file.
     */
    static String oneLine(String q) {
        StringBuilder out = new StringBuilder(q.length());
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (!Character.isWhitespace(c)) {
                out.append(c);
                i++;
                continue;
            }
            int j = i;
            boolean lineBreak = false;
            while (j < q.length() && Character.isWhitespace(q.charAt(j))) {
                lineBreak |= q.charAt(j) == '\n' || q.charAt(j) == '\r' || q.charAt(j) == '\u2028'
                        || q.charAt(j) == '\u2029' || q.charAt(j) == '\u000B' || q.charAt(j) == '\f'
                        || q.charAt(j) == '\u0085';
                j++;
            }
            if (lineBreak) {
                out.append(' ');
            } else {
                out.append(q, i, j);
            }
            i = j;
        }
        return out.toString();
    }

    public static List<String> parse(String fileName, String content) throws BadFile {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        boolean jsonl = name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")
                || (!name.endsWith(".csv") && text.stripLeading().startsWith("{"));
        return jsonl ? jsonl(text) : csv(text);
    }

    static List<String> jsonl(String text) throws BadFile {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = AppJson.mapper().readTree(line);
            } catch (Exception e) {
                throw new BadFile("line " + (i + 1) + " is not valid JSON");
            }
            String q = null;
            if (node.isTextual()) {
                q = node.asText();
            } else if (node.isObject()) {
                for (String f : FIELDS) {
                    if (node.hasNonNull(f) && node.get(f).isTextual()) {
                        q = node.get(f).asText();
                        break;
                    }
                }
            }
            if (q == null) {
                throw new BadFile("line " + (i + 1) + " has no \"query\" (or \"prompt\", \"text\") string");
            }
            out.add(q);
        }
        return out;
    }

    static List<String> csv(String text) throws BadFile {
        List<List<String>> rows = rows(text);
        if (rows.isEmpty()) {
            return List.of();
        }
        int col = 0;
        int start = 0;
        List<String> header = rows.get(0);
        for (int c = 0; c < header.size(); c++) {
            if (FIELDS.contains(header.get(c).strip().toLowerCase(Locale.ROOT))) {
                col = c;
                start = 1;
                break;
            }
        }
        List<String> out = new ArrayList<>();
        for (int r = start; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (col < row.size() && !row.get(col).isBlank()) {
                out.add(row.get(col).strip());
            }
        }
        return out;
    }

    /** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. */
    static List<List<String>> rows(String text) throws BadFile {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                if (!(row.size() == 1 && row.get(0).isEmpty())) {
                    rows.add(row);
                }
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new BadFile("a quoted field is not closed");
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
