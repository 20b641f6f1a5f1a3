package io.picaco.conductor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.picaco.llm.Usage;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Shards are committed one by one, in shard order, as soon as every earlier shard is in (a crash loses only those
 * in flight, and store ids never depend on timing); a shard whose step failed for a reason that may pass is tried
 * again, a bounded number of times, before its items count as failed; one that cannot pass is not.
 */
@QuarkusTest
@TestProfile(ShardFanOutTest.FastBackoff.class)
class ShardFanOutTest {
    public static class FastBackoff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("picaco.models.backoff", "10ms", "picaco.conductor.enabled", "false",
                    "picaco.conductor.shard-attempts", "3");
        }
    }

    @Inject
    ShardFanOut fanOut;

    record Committed(int shard, String output, String error, long at) {
    }

    List<Committed> run(List<List<Integer>> shards, java.util.function.Function<List<Integer>, String> step) {
        List<Committed> commits = Collections.synchronizedList(new ArrayList<>());
        fanOut.<Integer, String>run(Phase.SAMPLE, null, shards, out -> Usage.NONE, step,
                (shard, r) -> commits.add(new Committed(shard.get(0), r.output(), r.error(), System.nanoTime())));
        return commits;
    }

    @Test
    void shardsAreCommittedInOrderEachAsSoonAsTheOnesBeforeItAreIn() {
        // shard 0 is slow; shards 1-3 finish long before it and wait; nothing commits before shard 0 is in
        Map<Integer, Long> finished = new ConcurrentHashMap<>();
        List<Committed> commits = run(List.of(List.of(0), List.of(1), List.of(2), List.of(3)), shard -> {
            sleep(shard.get(0) == 0 ? 600 : 20 * shard.get(0));
            finished.put(shard.get(0), System.nanoTime());
            return "out" + shard.get(0);
        });
        assertEquals(List.of(0, 1, 2, 3), commits.stream().map(Committed::shard).toList());
        assertTrue(commits.get(0).at() >= finished.get(0), "shard 0 commits when it is in");
        assertTrue(finished.get(3) < finished.get(0), "the later shards were in first and waited");
    }

    @Test
    void aFastShardBehindNoOneIsCommittedBeforeSlowerLaterShardsAreIn() {
        List<Long> finishedLast = new ArrayList<>();
        List<Committed> commits = run(List.of(List.of(0), List.of(1)), shard -> {
            sleep(shard.get(0) == 0 ? 10 : 800);
            if (shard.get(0) == 1) {
                finishedLast.add(System.nanoTime());
            }
            return "out";
        });
        assertTrue(commits.get(0).at() < finishedLast.get(0), "shard 0 did not wait for shard 1");
    }

    @Test
    void aShardThatMayPassIsTriedAgainAndOneThatCannotIsNot() {
        AtomicInteger flaky = new AtomicInteger();
        AtomicInteger broken = new AtomicInteger();
        AtomicInteger down = new AtomicInteger();
        List<Committed> commits = run(List.of(List.of(0), List.of(1), List.of(2)), shard -> switch (shard.get(0)) {
            case 0 -> {
                if (flaky.incrementAndGet() < 3) {
                    throw new StepFailure("remote sample step failed after 3 attempts: answered 503", true);
                }
                yield "answered on the third try";
            }
            case 1 -> {
                broken.incrementAndGet();
                throw new StepFailure("remote sample step answered 400: bad shard");
            }
            default -> {
                down.incrementAndGet();
                throw new StepFailure("remote sample step failed after 3 attempts: answered 500", true);
            }
        });
        assertEquals("answered on the third try", commits.get(0).output());
        assertNull(commits.get(0).error());
        assertEquals(3, flaky.get());
        assertEquals(1, broken.get(), "a 4xx is not tried again");
        assertEquals("remote sample step answered 400: bad shard", commits.get(1).error());
        assertEquals(3, down.get(), "bounded: shard-attempts in all");
        assertTrue(commits.get(2).error().endsWith("(shard tried 3 times)"), commits.get(2).error());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
