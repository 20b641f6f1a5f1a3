-- Experiments (ARCHITECTURE.md "Experiments"): a grid of ordinary runs. An experiment stores its request and its
-- plan (which run is which composition, target, repeat and method); its status and progress derive from its runs.
-- Portable SQL: the same migration runs on H2 and PostgreSQL.
CREATE TABLE experiments (
    id              VARCHAR(36) PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    request_json    VARCHAR(10000000) NOT NULL,
    plan_json       VARCHAR(10000000) NOT NULL,
    cancelled       BOOLEAN NOT NULL DEFAULT FALSE,
    error           VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
ALTER TABLE runs ADD COLUMN experiment_id VARCHAR(36) REFERENCES experiments (id);
CREATE INDEX runs_experiment ON runs (experiment_id);
