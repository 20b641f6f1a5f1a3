-- Several conductors on one database: a run is advanced by the instance holding its lease; an expired lease
-- (a dead instance) is taken over. Writes check the lease, so a shard's results are committed exactly once.
ALTER TABLE runs ADD COLUMN lease_owner VARCHAR(64);
ALTER TABLE runs ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE step_executions ADD COLUMN instance VARCHAR(64);
