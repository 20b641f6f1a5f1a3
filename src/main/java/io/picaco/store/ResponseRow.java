package io.picaco.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A sampled response with its scores and pool membership. */
@Entity
@Table(name = "responses")
public class ResponseRow extends PanacheEntityBase {
    public static final String TRAIN = "train";
    public static final String TEST = "test";
    public static final String ALIGNED = "aligned";
    public static final String NOISY = "noisy";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "run_id")
    public String runId;
    @Column(name = "instruction_id")
    public Long instructionId;
    public String split;
    @Column(name = "query_index")
    public int queryIndex;
    @Column(name = "sample_index")
    public int sampleIndex;
    public int iteration;
    public String text;
    @Column(name = "sample_error")
    public String sampleError;
    public boolean scored;
    @Column(name = "ratings_json")
    public String ratingsJson;
    @Column(name = "reasons_json")
    public String reasonsJson;
    @Column(name = "judge_error")
    public String judgeError;
    public Double redundancy;
    public Double tau;
    public String pool;
    @Column(name = "created_at")
    public Instant createdAt;

    public String queryKey() {
        return split + ":" + queryIndex;
    }
}
