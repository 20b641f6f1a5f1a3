package io.picaco.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.picaco.conductor.Phase;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "runs")
public class Run extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
    public String composition;
    @Enumerated(EnumType.STRING)
    public RunStatus status;
    @Enumerated(EnumType.STRING)
    public Phase phase;
    /** The iteration the phase belongs to (0 = the seed instruction). */
    public int iteration;
    @Column(name = "spec_json")
    public String specJson;
    public boolean simulated;
    @Column(name = "bare_id")
    public Long bareId;
    @Column(name = "seed_id")
    public Long seedId;
    @Column(name = "incumbent_id")
    public Long incumbentId;
    public String error;
    @Column(name = "lease_owner")
    public String leaseOwner;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "budget_stopped")
    public boolean budgetStopped;
    /** The experiment this run belongs to; null for a run started on its own. */
    @Column(name = "experiment_id")
    public String experimentId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
