package io.picaco.llm;

/**
 * The write-ahead record of the model requests a run pays for, so spend is counted exactly once even when a crash
 * loses results: a request is written (its tokens and cost estimated) just before it is sent and counts as paid from
 * then on; each retry is written before it is sent; the answer or the failure completes it. Only calls with a
 * {@link CallAccount} are written.
 */
public interface RequestLedger {
    /** True when the run already paid for this call (answered, or cut off by a crash after its answer was cached). */
    boolean paid(String runId, String callKey);

    /**
     * Writes the intent of a request about to be sent; returns its id.
     *
     * @throws Refused when the run was cancelled: nothing more is sent for it
     */
    String open(CallAccount account, String callKey, String role, String endpoint, long inputTokens,
            long outputTokens, double cost);

    /** A request not sent, because its run was cancelled; never retried. */
    final class Refused extends RuntimeException {
        public Refused(String runId) {
            super("run " + runId + " was cancelled; the request was not sent");
        }
    }

    /** Records that attempt number {@code attempts} of the request is about to be sent. */
    void retry(String requestId, int attempts);

    /** The request was answered after {@code attempts} attempts: the real tokens and cost replace the estimates. */
    void complete(String requestId, int attempts, long inputTokens, long outputTokens, double cost);

    /** The request gave up after {@code attempts} attempts; it stays a paid call, with no tokens we know of. */
    void fail(String requestId, int attempts);

    /** The ledger of an instance without a datasource, whose calls never have an account. */
    RequestLedger NONE = new RequestLedger() {
        @Override
        public boolean paid(String runId, String callKey) {
            return false;
        }

        @Override
        public String open(CallAccount account, String callKey, String role, String endpoint, long inputTokens,
                long outputTokens, double cost) {
            return null;
        }

        @Override
        public void retry(String requestId, int attempts) {
        }

        @Override
        public void complete(String requestId, int attempts, long inputTokens, long outputTokens, double cost) {
        }

        @Override
        public void fail(String requestId, int attempts) {
        }
    };
}
