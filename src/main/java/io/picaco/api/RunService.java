package io.picaco.api;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.picaco.conductor.Method;
import io.picaco.conductor.Methods;
import io.picaco.conductor.Phase;
import io.picaco.conductor.RunSpec;
import io.picaco.llm.ModelGateway;
import io.picaco.llm.Role;
import io.picaco.store.Instruction;
import io.picaco.store.Json;
import io.picaco.store.Run;
import io.picaco.store.RunStatus;
import io.picaco.validation.Limits;

/** Starting and cancelling runs. Validation happens before anything is written. */
@ApplicationScoped
public class RunService {
    @Inject
    RunSpecResolver resolver;
    @Inject
    ModelGateway models;
    @Inject
    Limits limits;

    @Transactional
    public Run create(RunRequest request) {
        RunSpec spec = resolver.resolve(request);
        // Counted in the creating transaction; two creations at the same instant may both pass (a soft cap).
        long active = Run.count("status in ?1", java.util.List.of(RunStatus.QUEUED, RunStatus.RUNNING));
        if (active >= limits.maxActiveRuns()) {
            throw new TooManyRunsException(active, limits.maxActiveRuns());
        }
        return persist(spec, null);
    }

    /**
     * Stores a resolved run as QUEUED, in the caller's transaction; the conductor picks it up from there. Used by
     * {@link #create} and by experiments, which resolve and check their whole grid first (io.picaco.experiment).
     *
     * @param experimentId the experiment the run belongs to, or null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Run persist(RunSpec spec, String experimentId) {
        Run run = new Run();
        run.experimentId = experimentId;
        run.id = UUID.randomUUID().toString();
        run.name = spec.name();
        run.composition = spec.composition();
        run.status = RunStatus.QUEUED;
        run.phase = Phase.QUEUED;
        run.iteration = 0;
        run.specJson = Json.write(spec);
        run.simulated = java.util.Arrays.stream(Role.values()).anyMatch(r -> models.isSimulated(spec.endpoint(r)));
        run.createdAt = Instant.now();
        run.persist();
        run.bareId = instruction(run, Instruction.BARE, "").id;
        run.seedId = instruction(run, Instruction.SEED, spec.seedInstruction()).id;
        Method method = Methods.of(spec.method());
        run.incumbentId = switch (method.start()) {
            case BARE -> run.bareId;
            case SEED -> run.seedId;
            case OWN -> instruction(run, Instruction.FIXED, method.ownInstruction(spec)).id;
        };
        return run;
    }

    private static Instruction instruction(Run run, String origin, String text) {
        Instruction i = new Instruction();
        i.runId = run.id;
        i.iteration = 0;
        i.origin = origin;
        i.text = text;
        i.createdAt = run.createdAt;
        i.persist();
        return i;
    }

    @Transactional
    public Run cancel(String id) {
        Run run = Run.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (run == null) {
            throw new RunNotFoundException(id);
        }
        if (run.status.finished()) {
            throw new RunConflictException("run '" + id + "' already finished as " + run.status);
        }
        run.status = RunStatus.CANCELLED;
        run.finishedAt = Instant.now();
        return run;
    }
}
