package io.picaco.llm;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.picaco.AppJson;

/** Reads {@code {"instructions":[...]}} from the optimizer's answer (the first JSON object in it). */
public final class OptimizerParser {
    private OptimizerParser() {
    }

    public static List<String> parse(String content) {
        String s = content == null ? "" : content;
        int start = s.indexOf('{');
        int end = s.lastIndexOf('}');
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("no JSON object in the optimizer's answer");
        }
        JsonNode root;
        try {
            root = AppJson.mapper().readTree(s.substring(start, end + 1));
        } catch (Exception e) {
            throw new IllegalArgumentException("the optimizer's answer is not valid JSON");
        }
        JsonNode list = root.get("instructions");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("the optimizer's answer has no 'instructions' array");
        }
        List<String> out = new ArrayList<>();
        list.forEach(n -> {
            if (n.isTextual() && !n.asText().isBlank()) {
                out.add(n.asText().strip());
            }
        });
        return out;
    }
}
