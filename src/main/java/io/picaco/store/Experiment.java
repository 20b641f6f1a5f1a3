package io.picaco.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An experiment: a grid of ordinary runs (each carries {@code experiment_id}). Its status and progress are not
 * stored: they derive from its runs, so an experiment resumes after a crash exactly as its runs do. Only a cancel is
 * recorded here, so that an experiment whose runs were all cancelled reads CANCELLED.
 */
@Entity
@Table(name = "experiments")
public class Experiment extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
    /** The request as received (after defaults), for the report and for reproduction. */
    @Column(name = "request_json")
    public String requestJson;
    /** The plan: one entry per run (composition, target, repeat, method, run id) and what the cells share. */
    @Column(name = "plan_json")
    public String planJson;
    public boolean cancelled;
    public String error;
    @Column(name = "created_at")
    public Instant createdAt;
}
