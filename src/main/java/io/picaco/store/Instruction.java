package io.picaco.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "instructions")
public class Instruction extends PanacheEntityBase {
    public static final String BARE = "bare";
    public static final String SEED = "seed";
    public static final String CANDIDATE = "candidate";
    /** A fixed method's own instruction (URIAL's preamble and value list). */
    public static final String FIXED = "fixed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "run_id")
    public String runId;
    /** The iteration that proposed it (0 for the seed and the bare model). */
    public int iteration;
    public String origin;
    public String text;
    @Column(name = "j_hat")
    public Double jHat;
    @Column(name = "per_value_json")
    public String perValueJson;
    public int samples;
    @Column(name = "created_at")
    public Instant createdAt;
}
