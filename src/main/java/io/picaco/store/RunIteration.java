package io.picaco.store;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The instruction selected at the end of an iteration and its Ĵ at that time: the trajectory. */
@Entity
@Table(name = "run_iterations")
@IdClass(RunIteration.Key.class)
public class RunIteration extends PanacheEntityBase {
    @Id
    @Column(name = "run_id")
    public String runId;
    @Id
    public int iteration;
    @Column(name = "instruction_id")
    public Long instructionId;
    @Column(name = "j_hat")
    public Double jHat;
    @Column(name = "per_value_json")
    public String perValueJson;
    public int candidates;
    @Column(name = "created_at")
    public Instant createdAt;

    public static class Key implements Serializable {
        public String runId;
        public int iteration;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.runId.equals(runId) && k.iteration == iteration;
        }

        @Override
        public int hashCode() {
            return runId.hashCode() * 31 + iteration;
        }
    }
}
