package io.picaco.store;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import io.picaco.llm.CallAccount;
import io.picaco.llm.RequestLedger;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The request ledger in the state store. Every write is its own short transaction, committed before the request
 * it describes is sent (or after its answer arrived), never around a model call. Not a {@link RequestLedger} bean
 * itself: {@link io.picaco.llm.CallCaches} chooses it.
 */
@ApplicationScoped
@Typed(StoredRequestLedger.class)
public class StoredRequestLedger implements RequestLedger {

    @Override
    public boolean paid(String runId, String callKey) {
        return QuarkusTransaction.requiringNew().call(() -> ModelRequest.count(
                "runId = ?1 and callKey = ?2 and status <> ?3", runId, callKey, ModelRequest.FAILED) > 0);
    }

    @Override
    public String open(CallAccount account, String callKey, String role, String endpoint, long inputTokens,
            long outputTokens, double cost) {
        ModelRequest r = new ModelRequest();
        r.id = UUID.randomUUID().toString();
        r.runId = account.runId();
        r.phase = account.phase();
        r.callKey = callKey;
        r.role = role;
        r.endpoint = endpoint;
        r.status = ModelRequest.SENT;
        r.attempts = 1;
        r.inputTokens = inputTokens;
        r.outputTokens = outputTokens;
        r.cost = cost;
        r.estimated = true;
        r.createdAt = Instant.now();
        // A cancelled run sends nothing more: its steps in flight stop at their next request (the check and the
        // insert share a transaction; a cancel committed in between lets one request through, and it is counted).
        boolean cancelled = QuarkusTransaction.requiringNew().call(() -> {
            if (Run.count("id = ?1 and status = ?2", account.runId(), RunStatus.CANCELLED) > 0) {
                return true;
            }
            r.persist();
            return false;
        });
        if (cancelled) {
            throw new Refused(account.runId());
        }
        return r.id;
    }

    @Override
    public void retry(String requestId, int attempts) {
        QuarkusTransaction.requiringNew().run(() -> ModelRequest.update("attempts = ?1 where id = ?2", attempts,
                requestId));
    }

    @Override
    public void complete(String requestId, int attempts, long inputTokens, long outputTokens, double cost) {
        QuarkusTransaction.requiringNew().run(() -> ModelRequest.update("status = ?1, attempts = ?2, "
                + "inputTokens = ?3, outputTokens = ?4, cost = ?5, estimated = false where id = ?6", ModelRequest.DONE,
                attempts, inputTokens, outputTokens, cost, requestId));
    }

    @Override
    public void fail(String requestId, int attempts) {
        // nothing was answered: no tokens we know of, and nothing left to estimate
        QuarkusTransaction.requiringNew().run(() -> ModelRequest.update("status = ?1, attempts = ?2, inputTokens = 0, "
                + "outputTokens = 0, cost = 0, estimated = false where id = ?3", ModelRequest.FAILED, attempts,
                requestId));
    }
}
