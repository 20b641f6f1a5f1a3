package io.picaco.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.picaco.conductor.RunLedger;
import io.picaco.conductor.RunSpec;
import io.picaco.core.EvaluationSummary;
import io.picaco.core.ScoredResponse;
import io.picaco.llm.Usage;
import io.picaco.store.Instruction;
import io.picaco.store.Json;
import io.picaco.store.Phase;
import io.picaco.store.ResponseRow;
import io.picaco.store.Run;
import io.picaco.store.RunIteration;
import io.picaco.store.StepExecution;

/** Builds what the API and the pages show of a run, from the stored rows. */
@ApplicationScoped
public class RunViews {
    public static final List<String> EVALUATED = List.of("bare", "seed", "optimized");

    @Inject
    RunLedger ledger;

    @Transactional
    public Run find(String id) {
        Run run = id == null ? null : Run.findById(id);
        if (run == null) {
            throw new RunNotFoundException(id);
        }
        return run;
    }

    public static RunSpec spec(Run run) {
        return Json.read(run.specJson, RunSpec.class);
    }

    @Transactional
    public List<RunSummary> list() {
        Map<String, Usage> usage = usageByRun();
        return Run.<Run>list("order by createdAt desc").stream().map(run -> {
            Instruction best = run.incumbentId == null ? null : Instruction.findById(run.incumbentId);
            Usage u = usage.getOrDefault(run.id, Usage.NONE);
            return new RunSummary(run.id, run.name, run.composition, run.status.name(), run.phase.name(),
                    run.iteration, spec(run).iterations(), best == null ? null : best.jHat, u.calls(), u.tokens(),
                    run.simulated, run.createdAt);
        }).toList();
    }

    @Transactional
    public RunView view(String id) {
        Run run = find(id);
        RunSpec spec = spec(run);
        List<RunView.Step> trajectory = RunIteration.<RunIteration>list("runId = ?1 order by iteration", run.id)
                .stream().map(t -> new RunView.Step(t.iteration, t.jHat, Json.doubles(t.perValueJson), t.instructionId))
                .toList();
        Map<String, Usage> byRole = usageByRole(run.id);
        Usage total = byRole.values().stream().reduce(Usage.NONE, Usage::plus);
        return new RunView(run.id, run.name, run.composition, run.status.name(), run.phase.name(), run.iteration,
                spec.iterations(), run.simulated, run.simulated ? "simulated models" : "configured endpoints",
                scored(run.incumbentId), scored(run.seedId), trajectory, evaluation(run, spec),
                new RunView.UsageView(total.calls(), total.failures(), total.retries(), total.inputTokens(),
                        total.outputTokens(), byRole),
                run.error, run.createdAt, run.startedAt, run.finishedAt,
                new RunView.Parameters(spec.preset(), spec.training().size(), spec.heldOut().size(), spec.iterations(),
                        spec.candidates(), spec.samples(), spec.evalSamples(), spec.alignedPoolSize(),
                        spec.noisyPoolSize(), spec.beta(), spec.seed(), spec.judgeMode(), spec.maxLength()),
                spec.values());
    }

    private static RunView.Scored scored(Long instructionId) {
        Instruction i = instructionId == null ? null : Instruction.findById(instructionId);
        return i == null ? null
                : new RunView.Scored(i.id, i.text, i.jHat, Json.doubles(i.perValueJson), i.samples);
    }

    /** The held-out comparison, once every evaluation response is scored. */
    Map<String, EvaluationSummary> evaluation(Run run, RunSpec spec) {
        if (run.phase != Phase.FINISHED && run.phase != Phase.EVAL_SCORE) {
            return null;
        }
        List<ResponseRow> test = ledger.responses(run.id, ResponseRow.TEST);
        if (test.isEmpty() || test.stream().anyMatch(r -> !r.scored)) {
            return null;
        }
        Map<String, Double> baselines = io.picaco.conductor.Baselines.of(test, run.bareId);
        Map<String, Long> ids = new LinkedHashMap<>();
        ids.put("bare", run.bareId);
        ids.put("seed", run.seedId);
        ids.put("optimized", run.incumbentId);
        Map<String, EvaluationSummary> out = new LinkedHashMap<>();
        ids.forEach((label, insId) -> out.put(label, EvaluationSummary.of(test.stream()
                .filter(r -> r.instructionId.equals(insId))
                .map(r -> new ScoredResponse(r.id.toString(), r.queryKey(), Json.doubles(r.ratingsJson),
                        r.redundancy))
                .toList(), baselines, spec.objective())));
        return out;
    }

    private static Map<String, Usage> usageByRole(String runId) {
        Map<String, Usage> byRole = new LinkedHashMap<>();
        for (StepExecution s : StepExecution.<StepExecution>list("runId = ?1 and role is not null", runId)) {
            byRole.merge(s.role, usage(s), Usage::plus);
        }
        return byRole;
    }

    private static Map<String, Usage> usageByRun() {
        Map<String, Usage> byRun = new LinkedHashMap<>();
        List<Object[]> rows = StepExecution.getEntityManager().createQuery(
                "select s.runId, sum(s.calls), sum(s.failures), sum(s.retries), sum(s.inputTokens), "
                        + "sum(s.outputTokens) from StepExecution s group by s.runId", Object[].class)
                .getResultList();
        for (Object[] r : rows) {
            byRun.put((String) r[0], new Usage((Long) r[1], (Long) r[2], (Long) r[3], (Long) r[4], (Long) r[5]));
        }
        return byRun;
    }

    static Usage usage(StepExecution s) {
        return new Usage(s.calls, s.failures, s.retries, s.inputTokens, s.outputTokens);
    }
}
