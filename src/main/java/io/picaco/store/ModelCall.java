package io.picaco.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A cached model answer, keyed on role, endpoint, model, parameters, messages and seed. */
@Entity
@Table(name = "model_calls")
public class ModelCall extends PanacheEntityBase {
    @Id
    @Column(name = "call_key")
    public String key;
    public String role;
    public String endpoint;
    public String model;
    public String text;
    @Column(name = "input_tokens")
    public long inputTokens;
    @Column(name = "output_tokens")
    public long outputTokens;
    @Column(name = "logprobs_json")
    public String logprobsJson;
    @Column(name = "created_at")
    public Instant createdAt;
}
