package io.picaco.llm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The model-call cache of an instance without a datasource ({@code picaco.cache.store=memory}): the last
 * {@code maxEntries} answers, least recently used evicted first. A plain access-ordered LinkedHashMap: no cache
 * library is among our dependencies and this one needs no expiry, statistics or async loading.
 */
public final class MemoryCallCache implements CallCache {
    private final Map<String, CachedCall> entries;

    public MemoryCallCache(int maxEntries) {
        int max = Math.max(1, maxEntries);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CachedCall> eldest) {
                return size() > max;
            }
        };
    }

    @Override
    public synchronized Optional<CachedCall> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public synchronized void put(String key, String role, String endpoint, String model, CachedCall call) {
        entries.putIfAbsent(key, call); // the same call answered twice: keep the first, as the stored cache does
    }

    public synchronized int size() {
        return entries.size();
    }
}
