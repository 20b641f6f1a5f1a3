package io.picaco.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.picaco.api.RunConflictException;
import io.picaco.api.RunService;
import io.picaco.api.TooManyRunsException;
import io.picaco.store.Experiment;
import io.picaco.store.Json;
import io.picaco.store.Run;
import io.picaco.store.RunStatus;
import io.picaco.validation.Limits;

/** Starting and cancelling experiments. The whole grid is checked before anything is written, then stored at once. */
@ApplicationScoped
public class ExperimentService {
    @Inject
    ExperimentPlanner planner;
    @Inject
    RunService runs;
    @Inject
    Limits limits;

    /** Creates the experiment and all of its runs (QUEUED) in one transaction: all or nothing. */
    @Transactional
    public Experiment create(ExperimentRequest request) {
        ExperimentPlanner.Planned planned = planner.plan(request);
        // An experiment needs one free slot of max-active-runs; its grid is capped by picaco.experiments.*.
        long active = Run.count("status in ?1", List.of(RunStatus.QUEUED, RunStatus.RUNNING));
        if (active >= limits.maxActiveRuns()) {
            throw new TooManyRunsException(active, limits.maxActiveRuns());
        }
        Experiment e = new Experiment();
        e.id = UUID.randomUUID().toString();
        e.name = planned.plan().name();
        e.requestJson = Json.write(request);
        e.createdAt = Instant.now();
        e.planJson = "{}";
        e.persist();
        List<ExperimentPlan.PlannedRun> entries = new ArrayList<>();
        for (ExperimentPlanner.PlannedSpec p : planned.runs()) {
            Run run = runs.persist(p.spec(), e.id);
            entries.add(new ExperimentPlan.PlannedRun(run.id, p.cell(), p.target(), p.repeat(), p.method()));
        }
        ExperimentPlan plan = planned.plan();
        e.planJson = Json.write(new ExperimentPlan(plan.name(), plan.seed(), plan.repeats(), plan.preset(),
                plan.methods(), plan.cells(), plan.targets(), plan.heldOut(), plan.samples(), plan.querySet(),
                plan.evaluator(), plan.judge(), plan.baselinesFrom(), plan.budget(), entries));
        return e;
    }

    /**
     * Cancels every unfinished run of the experiment (as {@code POST /api/runs/{id}/cancel} would, under the same
     * row locks, so a conductor mid-step drops its results); 409 when all have finished already.
     */
    @Transactional
    public void cancel(String id) {
        Experiment e = Experiment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw new ExperimentNotFoundException(id);
        }
        List<Run> all = Run.<Run>find("experimentId", id).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        RunStatus status = ExperimentStatus.derive(all.stream().map(r -> r.status).toList(), e.cancelled);
        if (status.finished()) {
            throw new RunConflictException("experiment '" + id + "' already finished as " + status);
        }
        e.cancelled = true;
        Instant now = Instant.now();
        for (Run r : all) {
            if (!r.status.finished()) {
                r.status = RunStatus.CANCELLED;
                r.finishedAt = now;
            }
        }
    }
}
