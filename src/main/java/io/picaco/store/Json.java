package io.picaco.store;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.picaco.AppJson;

/**
 * The JSON text columns of the store (ratings, reasons, per-value means, run specs), written and read with the app's
 * mapper without the refusal of unknown fields ({@link AppJson#lenient()}): a stored value with a field this version
 * does not know still reads.
 */
public final class Json {
    private static final TypeReference<Map<String, Double>> DOUBLES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };

    private Json() {
    }

    private static ObjectMapper mapper() {
        return AppJson.lenient();
    }

    public static String write(Object o) {
        if (o == null) {
            return null;
        }
        try {
            return mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T read(String s, Class<T> type) {
        try {
            return s == null ? null : mapper().readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Double> doubles(String s) {
        try {
            return s == null ? null : mapper().readValue(s, DOUBLES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> strings(String s) {
        try {
            return s == null ? null : mapper().readValue(s, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
