package io.picaco.conductor;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.picaco.PicacoConfig;
import io.picaco.llm.RequestLedger;
import io.picaco.llm.Role;
import io.picaco.llm.Usage;
import io.picaco.store.Instruction;
import io.picaco.store.ResponseRow;
import io.picaco.store.Run;
import io.picaco.store.RunStatus;
import io.picaco.store.StepExecution;

/** Reads and guarded writes of run state; every write method must run inside a transaction. */
@ApplicationScoped
public class RunLedger {

    @Inject
    Leases leases;
    @Inject
    RequestLedger requests;
    @Inject
    PicacoConfig config;

    /**
     * Locks the run row and checks it is still where the caller read it and still leased to this instance;
     * null means: drop this result (cancelled, advanced, or taken over by another instance).
     */
    public Run lockIfAt(String runId, Phase phase, int iteration) {
        Run run = Run.findById(runId, LockModeType.PESSIMISTIC_WRITE);
        if (run == null || run.status != RunStatus.RUNNING || run.phase != phase || run.iteration != iteration
                || !leases.holds(run)) {
            return null;
        }
        return run;
    }

    public void recordStep(String runId, Phase phase, int iteration, Role role, int items, int failedItems, Usage usage,
            String error, Instant started) {
        StepExecution s = new StepExecution();
        s.runId = runId;
        s.phase = phase.name();
        s.iteration = iteration;
        s.shard = (int) StepExecution.count("runId = ?1 and phase = ?2 and iteration = ?3", runId, phase.name(),
                iteration) + 1;
        s.role = role == null ? null : role.configName();
        s.status = error == null ? "DONE" : "FAILED";
        s.items = items;
        s.failedItems = failedItems;
        s.cacheHits = usage.cacheHits();
        s.cost = usage.cost();
        s.latenciesJson = usage.latenciesMs().isEmpty() ? null : io.picaco.store.Json.write(usage.latenciesMs());
        s.calls = usage.calls();
        s.failures = usage.failures();
        s.retries = usage.retries();
        s.inputTokens = usage.inputTokens();
        s.outputTokens = usage.outputTokens();
        s.instance = leases.me();
        // in-process steps wrote their calls to the request ledger, which counts them (spend reads it, not these)
        s.ledgered = requests != RequestLedger.NONE && config.steps().mode() == PicacoConfig.Steps.Mode.LOCAL;
        s.error = error == null || error.length() <= 1900 ? error : error.substring(0, 1900) + "…";
        s.startedAt = started;
        s.finishedAt = Instant.now();
        s.persist();
    }

    public List<Instruction> instructions(String runId) {
        return Instruction.list("runId = ?1 order by id", runId);
    }

    /** The instructions sampled in an iteration: its own candidates (the seed at 0) and the incumbent. */
    public List<Instruction> iterationSet(Run run) {
        List<Instruction> set = new java.util.ArrayList<>(Instruction.<Instruction>list(
                "runId = ?1 and iteration = ?2 and origin <> ?3 order by id", run.id, run.iteration,
                Instruction.BARE));
        if (run.iteration > 0 && run.incumbentId != null && set.stream().noneMatch(i -> i.id.equals(run.incumbentId))) {
            set.add(0, Instruction.findById(run.incumbentId));
        }
        return set;
    }

    public Set<String> responseKeys(String runId) {
        List<Object[]> rows = Run.getEntityManager()
                .createQuery("select r.instructionId, r.split, r.queryIndex, r.sampleIndex from ResponseRow r "
                        + "where r.runId = ?1", Object[].class)
                .setParameter(1, runId).getResultList();
        Set<String> keys = new HashSet<>();
        rows.forEach(r -> keys.add(key((Long) r[0], (String) r[1], (Integer) r[2], (Integer) r[3])));
        return keys;
    }

    public static String key(long instructionId, String split, int queryIndex, int sampleIndex) {
        return instructionId + "/" + split + "/" + queryIndex + "/" + sampleIndex;
    }

    public List<ResponseRow> unscored(String runId, String split, int limit) {
        return ResponseRow.<ResponseRow>find("runId = ?1 and split = ?2 and scored = false order by id", runId, split)
                .page(0, limit).list();
    }

    public List<ResponseRow> responses(String runId, String split) {
        return ResponseRow.list("runId = ?1 and split = ?2 order by id", runId, split);
    }
}
