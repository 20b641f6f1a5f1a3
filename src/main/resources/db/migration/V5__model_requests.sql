-- Write-ahead ledger of the model requests an in-process conductor sends for a run (issue 12, "spend counted
-- exactly"). A row is inserted just before a request goes out, with estimated tokens and cost, and completed with
-- the real figures when the answer arrives (DONE) or the call gives up (FAILED); each retry raises `attempts`
-- before it is sent. A crash leaves the row SENT: it still counts as a paid call, its tokens marked estimated.
-- Spend is these rows plus what the step executions that ran elsewhere (remote steps) reported; `ledgered` marks
-- the step executions whose calls are in this ledger, so nothing is counted twice.
-- Portable SQL: the same migration runs on H2 and PostgreSQL.
CREATE TABLE model_requests (
    id              VARCHAR(36) PRIMARY KEY,
    run_id          VARCHAR(36) NOT NULL,
    phase           VARCHAR(24),
    call_key        VARCHAR(64),
    role            VARCHAR(16) NOT NULL,
    endpoint        VARCHAR(64) NOT NULL,
    status          VARCHAR(8) NOT NULL,
    attempts        INTEGER NOT NULL,
    input_tokens    BIGINT NOT NULL,
    output_tokens   BIGINT NOT NULL,
    cost            DOUBLE PRECISION NOT NULL,
    estimated       BOOLEAN NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX model_requests_run ON model_requests (run_id, call_key);
ALTER TABLE step_executions ADD COLUMN ledgered BOOLEAN NOT NULL DEFAULT FALSE;
