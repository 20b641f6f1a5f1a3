package io.picaco.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One executed shard of a step, with what it cost. Unique per (run, phase, iteration, shard). */
@Entity
@Table(name = "step_executions")
public class StepExecution extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "run_id")
    public String runId;
    public String phase;
    public int iteration;
    public int shard;
    public String role;
    public String status;
    public int items;
    @Column(name = "failed_items")
    public int failedItems;
    public long calls;
    public long failures;
    public long retries;
    @Column(name = "input_tokens")
    public long inputTokens;
    @Column(name = "output_tokens")
    public long outputTokens;
    @Column(name = "cache_hits")
    public long cacheHits;
    public double cost;
    @Column(name = "latencies_json")
    public String latenciesJson;
    public String error;
    /** True when the shard's model calls are in the request ledger ({@link ModelRequest}), which counts them. */
    public boolean ledgered;
    /** The conductor instance that executed the shard. */
    public String instance;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
