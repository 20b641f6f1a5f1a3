package io.picaco.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One model request a run paid for, written ahead of sending it (SENT, tokens and cost estimated) and completed
 * when it is answered (DONE) or given up (FAILED). A row that a crash left SENT still counts, estimated.
 */
@Entity
@Table(name = "model_requests")
public class ModelRequest extends PanacheEntityBase {
    public static final String SENT = "SENT";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    @Id
    public String id;
    @Column(name = "run_id")
    public String runId;
    public String phase;
    @Column(name = "call_key")
    public String callKey;
    public String role;
    public String endpoint;
    public String status;
    public int attempts;
    @Column(name = "input_tokens")
    public long inputTokens;
    @Column(name = "output_tokens")
    public long outputTokens;
    public double cost;
    public boolean estimated;
    @Column(name = "created_at")
    public Instant createdAt;
}
