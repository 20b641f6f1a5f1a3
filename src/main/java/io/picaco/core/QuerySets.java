package io.picaco.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Built-in query sets, shipped as data files: one query per line under {@code data/queries/<id>.txt}. */
public final class QuerySets {
    private static final Map<String, List<String>> CACHE = new ConcurrentHashMap<>();

    private QuerySets() {
    }

    public static List<String> load(String id) {
        return CACHE.computeIfAbsent(id, QuerySets::read);
    }

    private static List<String> read(String id) {
        String path = "data/queries/" + id + ".txt";
        try (InputStream in = QuerySets.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in query set " + id);
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return r.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
