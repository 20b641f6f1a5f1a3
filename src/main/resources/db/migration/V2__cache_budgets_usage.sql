-- Durable cache of model calls: a repeated or resumed run reuses what it already paid for.
CREATE TABLE model_calls (
    call_key        VARCHAR(64) PRIMARY KEY,
    role            VARCHAR(16) NOT NULL,
    endpoint        VARCHAR(64) NOT NULL,
    model           VARCHAR(200) NOT NULL,
    text            VARCHAR(1000000) NOT NULL,
    input_tokens    BIGINT NOT NULL,
    output_tokens   BIGINT NOT NULL,
    logprobs_json   VARCHAR(1000000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE step_executions ADD COLUMN cache_hits BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE step_executions ADD COLUMN cost DOUBLE PRECISION DEFAULT 0 NOT NULL;
ALTER TABLE step_executions ADD COLUMN latencies_json VARCHAR(1000000);
ALTER TABLE step_executions ADD COLUMN failed_items INTEGER DEFAULT 0 NOT NULL;

-- A run stopped by its budget finishes with an evaluation of its best instruction when the budget allows.
ALTER TABLE runs ADD COLUMN budget_stopped BOOLEAN DEFAULT FALSE NOT NULL;
