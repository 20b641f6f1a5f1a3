package io.picaco.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.picaco.PicacoConfig;

/** What keeps a long run from growing memory: the call pool's thread bound and the in-memory cache's size bound. */
class BoundedPoolAndCacheTest {

    static PicacoConfig poolThreads(int n) {
        PicacoConfig.Models models = (PicacoConfig.Models) Proxy.newProxyInstance(PicacoConfig.class.getClassLoader(),
                new Class<?>[] { PicacoConfig.Models.class }, (p, m, a) -> m.getName().equals("poolThreads") ? n : null);
        return (PicacoConfig) Proxy.newProxyInstance(PicacoConfig.class.getClassLoader(),
                new Class<?>[] { PicacoConfig.class }, (p, m, a) -> m.getName().equals("models") ? models : null);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void thePoolNeverRunsMoreThreadsThanItsBoundAndNestedUseDoesNotDeadlock() {
        CallPool pool = new CallPool(poolThreads(3));
        Set<String> poolThreads = ConcurrentHashMap.newKeySet();
        // 4 shards of 8 calls, each call blocking a little, shards and calls on the same pool (as conductor and steps do)
        List<List<Integer>> out = pool.map(IntStream.range(0, 4).boxed().toList(),
                shard -> pool.map(IntStream.range(0, 8).boxed().toList(), call -> {
                    if (Thread.currentThread().getName().startsWith("picaco-call-")) {
                        poolThreads.add(Thread.currentThread().getName());
                    }
                    sleep(20);
                    return shard * 100 + call;
                }));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), out.get(0));
        assertEquals(307, out.get(3).get(7));
        assertTrue(poolThreads.size() <= 3, "threads used: " + poolThreads);
        assertTrue(pool.threads() <= 3);
        pool.stop();
    }

    @Test
    void theMemoryCacheKeepsTheMostRecentlyUsedAnswersOnly() {
        MemoryCallCache cache = new MemoryCallCache(2);
        CallCache.CachedCall a = new CallCache.CachedCall("a", 1, 1, null);
        CallCache.CachedCall b = new CallCache.CachedCall("b", 1, 1, null);
        cache.put("ka", "judge", "judge", "m", a);
        cache.put("kb", "judge", "judge", "m", b);
        assertEquals("a", cache.get("ka").orElseThrow().text()); // ka is now the most recently used
        cache.put("kc", "judge", "judge", "m", new CallCache.CachedCall("c", 1, 1, null));
        assertEquals(2, cache.size());
        assertTrue(cache.get("kb").isEmpty(), "the least recently used answer goes first");
        assertTrue(cache.get("ka").isPresent() && cache.get("kc").isPresent());
        // the same call answered twice keeps the first answer, as the stored cache does
        cache.put("ka", "judge", "judge", "m", new CallCache.CachedCall("other", 1, 1, null));
        assertEquals("a", cache.get("ka").orElseThrow().text());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
