package io.picaco.llm;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.picaco.AppJson;

/**
 * Strict parser of judge output: exactly {@code {"ratings":[{"value","rating","reason"}]}} with one entry per
 * requested value, ratings within 1–5. A single surrounding code fence is tolerated; nothing else is.
 */
public final class JudgeParser {
    public record Judgment(double rating, String reason) {
    }

    public static class JudgeFormatException extends Exception {
        public JudgeFormatException(String message) {
            super(message);
        }
    }

    private JudgeParser() {
    }

    public static Map<String, Judgment> parse(String content, List<String> valueIds) throws JudgeFormatException {
        JsonNode root;
        try {
            root = AppJson.mapper().readTree(unfence(content));
        } catch (Exception e) {
            throw new JudgeFormatException("not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new JudgeFormatException("expected a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!f.equals("ratings")) {
                throw new JudgeFormatException("unexpected field '" + f + "'");
            }
        }
        JsonNode ratings = root.get("ratings");
        if (ratings == null || !ratings.isArray()) {
            throw new JudgeFormatException("'ratings' must be an array");
        }
        Map<String, Judgment> out = new LinkedHashMap<>();
        for (JsonNode r : ratings) {
            JsonNode value = r.get("value");
            JsonNode rating = r.get("rating");
            JsonNode reason = r.get("reason");
            if (value == null || !value.isTextual() || !valueIds.contains(value.asText())) {
                throw new JudgeFormatException("unknown or missing value id " + value);
            }
            if (rating == null || !rating.isNumber() || rating.asDouble() < 1 || rating.asDouble() > 5) {
                throw new JudgeFormatException("rating of '" + value.asText() + "' must be a number from 1 to 5");
            }
            if (reason != null && !reason.isTextual() && !reason.isNull()) {
                throw new JudgeFormatException("reason of '" + value.asText() + "' must be text");
            }
            if (out.put(value.asText(), new Judgment(rating.asDouble(), reason == null ? "" : reason.asText(""))) != null) {
                throw new JudgeFormatException("value '" + value.asText() + "' rated twice");
            }
        }
        for (String id : valueIds) {
            if (!out.containsKey(id)) {
                throw new JudgeFormatException("no rating for '" + id + "'");
            }
        }
        return out;
    }

    static String unfence(String content) {
        String s = content == null ? "" : content.strip();
        if (s.startsWith("```") && s.endsWith("```") && s.length() >= 6) {
            s = s.substring(3, s.length() - 3);
            if (s.startsWith("json")) {
                s = s.substring(4);
            }
        }
        return s.strip();
    }
}
