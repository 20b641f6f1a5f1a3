package io.picaco.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.picaco.conductor.BudgetGuard;
import io.picaco.steps.SampleInput;
import io.picaco.steps.SampleOutput;
import io.picaco.steps.SampleStep;
import io.picaco.store.RunSpend;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Spend is counted from the write-ahead request ledger, against a real OpenAI-compatible server (a local stub that
 * counts what it receives): every request the server received is one call or one retry of the run that made it; an
 * answer paid for but never committed (its shard lost in a crash) and then replayed from the cache counts once,
 * neither twice nor as a free hit; a request cut off by a crash counts as paid, with estimated tokens, and budgets
 * see it.
 */
@QuarkusTest
@QuarkusTestResource(value = StubOpenAi.class, restrictToAnnotatedClass = true)
class ExactSpendTest {
    @Inject
    SampleStep sample;
    @Inject
    RequestLedger ledger;
    @Inject
    BudgetGuard budget;

    @BeforeEach
    void reset() {
        StubOpenAi.reset();
    }

    static SampleInput shard(String query, int n) {
        return new SampleInput(java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new SampleInput.Item("s" + i, "Be kind.", query, i)).toList(), 5L, 1.0, null);
    }

    SampleOutput sampleFor(String run, SampleInput in) {
        return CallAccount.with(new CallAccount(run, "SAMPLE"), () -> sample.sample(in));
    }

    /** calls, failures, retries, tokens, estimated calls */
    static long[] spent(String run) {
        long[] t = new long[5];
        QuarkusTransaction.requiringNew().call(() -> RunSpend.of(List.of(run))).forEach(p -> {
            t[0] += p.calls();
            t[1] += p.failures();
            t[2] += p.retries();
            t[3] += p.inputTokens() + p.outputTokens();
            t[4] += p.estimatedCalls();
        });
        return t;
    }

    @Test
    void everyRequestTheServerReceivedIsOneCallOrOneRetryOfTheRun() {
        String run = UUID.randomUUID().toString();
        // two server errors, then answers; the last call fails all its three attempts
        StubOpenAi.script.add(r -> StubOpenAi.Answer.error(500, Map.of()));
        StubOpenAi.script.add(r -> StubOpenAi.Answer.error(503, Map.of()));
        SampleOutput first = sampleFor(run, shard("How do I keep a promise I regret? " + System.nanoTime(), 3));
        int afterFirst = StubOpenAi.requests.size();
        StubOpenAi.fallback = r -> StubOpenAi.Answer.error(500, Map.of());
        SampleOutput failing = sampleFor(run, shard("Should I tell my friend? " + System.nanoTime(), 1));
        StubOpenAi.reset();

        assertEquals(5, afterFirst, "three answers and two retried errors");
        assertNotNull(failing.responses().get(0).error());
        long[] t = spent(run);
        assertEquals(4, t[0], "four calls: three answered, one given up");
        assertEquals(1, t[1]);
        assertEquals(2 + 2, t[2], "two retries in the first shard, two in the failed call");
        assertEquals(afterFirst + 3, t[0] + t[2], "counted requests = requests the server received");
        assertEquals(first.usage().tokens(), t[3], "answered calls hold their real tokens; a failed one none");
        assertEquals(0, t[4]);
    }

    @Test
    void eachRequestIsInTheLedgerBeforeTheServerReceivesIt() {
        String run = UUID.randomUUID().toString();
        // what the run had counted (calls + retries) at the moment the server received each of its requests
        List<Long> countedOnArrival = Collections.synchronizedList(new ArrayList<>());
        Runnable arrived = () -> {
            long[] t = spent(run);
            countedOnArrival.add(t[0] + t[2]);
        };
        StubOpenAi.script.add(r -> {
            arrived.run();
            return StubOpenAi.Answer.error(503, Map.of());
        });
        StubOpenAi.fallback = r -> {
            arrived.run();
            return StubOpenAi.echo(r);
        };
        SampleOutput out = sampleFor(run, shard("May I break a rule to help a friend? " + System.nanoTime(), 3));
        StubOpenAi.reset();
        assertTrue(out.responses().stream().allMatch(r -> r.error() == null));
        assertEquals(4, countedOnArrival.size(), "three calls and one retry");
        List<Long> sorted = countedOnArrival.stream().sorted().toList();
        for (int i = 0; i < sorted.size(); i++) {
            assertTrue(sorted.get(i) >= i + 1, "request " + (i + 1) + " reached the server with only "
                    + sorted.get(i) + " counted: " + countedOnArrival);
        }
        long[] t = spent(run);
        assertEquals(4, t[0] + t[2]);
        assertEquals(0, t[4], "every call answered: none estimated");
    }

    @Test
    void anAnswerPaidForButNeverCommittedIsCountedOnceWhenItsShardIsReplayed() {
        String run = UUID.randomUUID().toString();
        SampleInput in = shard("What do I owe my parents? " + System.nanoTime(), 2);
        SampleOutput first = sampleFor(run, in);
        assertEquals(2, first.usage().calls());
        long[] before = spent(run);

        // The process dies before the shard is committed; after the restart the shard runs again and the cache
        // answers it. The run already paid for these answers: not free hits, and not paid again.
        SampleOutput replay = sampleFor(run, in);
        assertEquals(first.responses().stream().map(SampleOutput.Response::text).toList(),
                replay.responses().stream().map(SampleOutput.Response::text).toList());
        assertEquals(2, StubOpenAi.requests.size(), "the replay sent nothing");
        assertEquals(0, replay.usage().calls());
        assertEquals(0, replay.usage().cacheHits());
        assertEquals(before[0], spent(run)[0]);
        assertEquals(before[3], spent(run)[3]);

        // Another run asking the same gets the answers for free: cache hits, nothing in its ledger.
        String other = UUID.randomUUID().toString();
        SampleOutput reuse = sampleFor(other, in);
        assertEquals(2, reuse.usage().cacheHits());
        assertEquals(0, spent(other)[0]);
    }

    @Test
    void aRequestCutOffByACrashCountsAsPaidWithEstimatedTokensAndBudgetsSeeIt() {
        String run = UUID.randomUUID().toString();
        // written ahead, then the process died before the answer came back
        ledger.open(new CallAccount(run, "SAMPLE"), "cut-off-" + run, "target", "target", 120, 256, 0.0005);
        long[] t = spent(run);
        assertEquals(1, t[0]);
        assertEquals(1, t[4], "marked estimated");
        assertEquals(376, t[3]);
        BudgetGuard.Spend spent = QuarkusTransaction.requiringNew().call(() -> budget.spent(run));
        assertEquals(1, spent.calls());
        assertEquals(376, spent.tokens());
        assertTrue(spent.cost() > 0);
    }

    @Test
    void callsWithoutAnAccountWriteNothing() {
        long before = QuarkusTransaction.requiringNew().call(() -> io.picaco.store.ModelRequest.count());
        SampleOutput out = sample.sample(shard("Is it fair to keep a secret? " + System.nanoTime(), 1));
        assertNull(out.responses().get(0).error());
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> io.picaco.store.ModelRequest.count()),
                "a step function called from outside is paid by no run of ours");
    }
}
