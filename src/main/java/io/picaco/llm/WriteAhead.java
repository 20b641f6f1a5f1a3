package io.picaco.llm;

import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Writes a model request's ledger entry at the last point where the calling thread still holds it: the REST
 * client's final request filter, after langchain4j has built the request and the other filters have run. The
 * less time between the ledger's commit and the bytes leaving, the fewer requests a crash can leave counted as
 * paid though never sent (a crash after the commit and before the send is the one case the ledger over-counts).
 * If the filter never ran (the request failed before it), nothing went out and nothing is written.
 */
@Provider
@Priority(Priorities.USER + 2000) // after every other request filter (SimulatorAuth is USER + 1000)
public class WriteAhead implements ClientRequestFilter {
    /** The write for the request this thread is about to send, and what it threw. */
    private static final class Pending {
        final Runnable write;
        boolean done;
        RuntimeException refused;

        Pending(Runnable write) {
            this.write = write;
        }
    }

    private static final ThreadLocal<Pending> PENDING = new ThreadLocal<>();

    /**
     * Runs {@code send} with {@code write} due just before its request leaves. When the client answered without
     * the filter having run on this thread, the write is made late rather than never, so the call is still counted.
     */
    static <T> T around(Runnable write, Supplier<T> send) {
        Pending p = new Pending(write);
        PENDING.set(p);
        T answer;
        try {
            answer = send.get();
        } catch (RuntimeException e) {
            throw p.refused != null ? p.refused : e;
        } finally {
            PENDING.remove();
        }
        if (!p.done) {
            p.done = true;
            write.run();
        }
        return answer;
    }

    @Override
    public void filter(ClientRequestContext request) {
        Pending p = PENDING.get();
        if (p == null || p.done) {
            return; // not a ledgered model request (a remote step, a call with no account) or already written
        }
        p.done = true;
        try {
            p.write.run();
        } catch (RequestLedger.Refused r) {
            p.refused = r; // the client wraps what a filter throws; around() gives the caller this one back
            throw r;
        }
    }
}
