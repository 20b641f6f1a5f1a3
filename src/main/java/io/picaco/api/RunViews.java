package io.picaco.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.picaco.conductor.Methods;
import io.picaco.conductor.Phase;
import io.picaco.conductor.RunLedger;
import io.picaco.conductor.RunSpec;
import io.picaco.core.EvaluationSummary;
import io.picaco.experiment.stats.MeanInterval;
import io.picaco.experiment.stats.UnitRatings;
import io.picaco.core.ScoredResponse;
import io.picaco.store.Instruction;
import io.picaco.store.Json;
import io.picaco.store.ResponseRow;
import io.picaco.store.Run;
import io.picaco.store.RunIteration;
import io.picaco.store.RunSpend;
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
        Map<String, long[]> usage = usageByRun();
        return Run.<Run>list("order by createdAt desc").stream().map(run -> {
            Instruction best = run.incumbentId == null ? null : Instruction.findById(run.incumbentId);
            long[] u = usage.getOrDefault(run.id, new long[2]);
            return new RunSummary(run.id, run.name, run.composition, run.status, run.phase.name(),
                    run.iteration, spec(run).iterations(), best == null ? null : best.jHat, u[0], u[1],
                    run.simulated, run.createdAt, run.experimentId);
        }).toList();
    }

    /** The endpoint (and its model) that rated the held-out evaluation. */
    static String evaluator(RunSpec spec) {
        String name = spec.endpoint(io.picaco.llm.Role.EVALUATOR);
        String model = spec.models() == null ? null : spec.models().get(RunSpec.EVALUATOR_MODEL);
        return model == null ? name : name + " (" + model + ")";
    }

    @Transactional
    public RunView view(String id) {
        Run run = find(id);
        RunSpec spec = spec(run);
        List<RunView.Step> trajectory = RunIteration.<RunIteration>list("runId = ?1 order by iteration", run.id)
                .stream().map(t -> new RunView.Step(t.iteration, t.jHat, Json.doubles(t.perValueJson), t.instructionId))
                .toList();
        List<StepExecution> steps = StepExecution.list("runId = ?1 order by id", run.id);
        List<RunSpend.Part> spend = RunSpend.of(List.of(run.id));
        UsageReport total = UsageReport.of(steps, spend);
        Map<String, UsageReport> byRole = group(steps, s -> role(s.role), spend, p -> role(p.role()));
        Map<String, UsageReport> byPhase = group(steps, s -> s.phase, spend, RunSpend.Part::phase);
        return new RunView(run.id, run.name, run.composition, run.status, run.phase.name(), run.iteration,
                spec.iterations(), run.simulated, run.simulated ? "simulated models" : "configured endpoints",
                evaluator(spec),
                scored(run.incumbentId), scored(run.seedId), trajectory, evaluation(run, spec),
                new RunView.UsageView(total.calls(), total.failures(), total.retries(), total.cacheHits(),
                        total.inputTokens(), total.outputTokens(), total.cost(), total.latencyMs(), byRole, byPhase,
                        total.estimatedCalls()),
                spec.budget() == null ? null : new RunView.Budget(spec.budget().maxCalls(), spec.budget().maxTokens(),
                        spec.budget().maxCost(), run.budgetStopped),
                run.error, run.leaseOwner, run.createdAt, run.startedAt, run.finishedAt,
                new RunView.Parameters(spec.preset(), spec.training().size(), spec.heldOut().size(), spec.iterations(),
                        spec.candidates(), spec.samples(), spec.evalSamples(), spec.alignedPoolSize(),
                        spec.noisyPoolSize(), spec.beta(), spec.seed(), spec.judgeMode(), spec.maxLength(),
                        Methods.of(spec.method()).name().id()),
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
        ids.forEach((label, insId) -> {
            List<ScoredResponse> responses = test.stream()
                    .filter(r -> r.instructionId.equals(insId))
                    .map(r -> new ScoredResponse(r.id.toString(), r.queryKey(), Json.doubles(r.ratingsJson),
                            r.redundancy))
                    .toList();
            EvaluationSummary summary = EvaluationSummary.of(responses, baselines, spec.objective());
            MeanInterval ci = UnitRatings.runInterval(responses, spec.objective());
            out.put(label, ci == null ? summary : summary.withCi(ci.ci().lo(), ci.ci().hi()));
        });
        return out;
    }

    private static String role(String role) {
        return role == null ? "embedder" : role;
    }

    private static Map<String, UsageReport> group(List<StepExecution> steps, Function<StepExecution, String> key,
            List<RunSpend.Part> spend, Function<RunSpend.Part, String> partKey) {
        Map<String, List<StepExecution>> groups = new LinkedHashMap<>();
        steps.forEach(s -> groups.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s));
        Map<String, List<RunSpend.Part>> parts = new LinkedHashMap<>();
        spend.forEach(p -> parts.computeIfAbsent(partKey.apply(p), k -> new ArrayList<>()).add(p));
        parts.keySet().forEach(k -> groups.computeIfAbsent(k, x -> new ArrayList<>()));
        Map<String, UsageReport> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, UsageReport.of(v, parts.getOrDefault(k, List.of()))));
        return out;
    }

    /** Calls and tokens per run, for the list. */
    private static Map<String, long[]> usageByRun() {
        return RunSpend.callsAndTokensByRun();
    }

}
