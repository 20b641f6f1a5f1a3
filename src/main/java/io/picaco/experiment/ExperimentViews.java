package io.picaco.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.picaco.api.RunViews;
import io.picaco.api.UsageReport;
import io.picaco.conductor.Phase;
import io.picaco.conductor.RunSpec;
import io.picaco.core.ScoredResponse;
import io.picaco.experiment.stats.CellReport;
import io.picaco.experiment.stats.CellStatistics;
import io.picaco.experiment.stats.MethodRatings;
import io.picaco.experiment.stats.UnitRatings;
import io.picaco.store.Experiment;
import io.picaco.store.Json;
import io.picaco.store.ResponseRow;
import io.picaco.store.Run;
import io.picaco.store.RunStatus;
import io.picaco.store.RunSpend;
import io.picaco.store.StepExecution;

/**
 * Builds what the API shows of an experiment from its runs' stored rows. Each method's units are its run's held-out
 * responses (split {@code test}) to the instruction it produced: the optimized instruction for a method that runs,
 * the bare model for {@code bare}, the seed instruction for {@code q+if}. A run counts once it has finished with
 * every held-out response scored; until then its units are missing and the cell's statistics use the units every
 * method has (reported as {@code unitsDropped}).
 */
@ApplicationScoped
public class ExperimentViews {

    @Transactional
    public Experiment find(String id) {
        Experiment e = id == null ? null : Experiment.findById(id);
        if (e == null) {
            throw new ExperimentNotFoundException(id);
        }
        return e;
    }

    static ExperimentPlan plan(Experiment e) {
        return Json.read(e.planJson, ExperimentPlan.class);
    }

    /** Every experiment, newest first, without the statistics. */
    @Transactional
    public List<Summary> list() {
        Map<String, List<RunStatus>> byExperiment = new LinkedHashMap<>();
        Run.getEntityManager().createQuery("select r.experimentId, r.status from Run r where r.experimentId is not null",
                Object[].class).getResultList().forEach(r -> byExperiment
                        .computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((RunStatus) r[1]));
        return Experiment.<Experiment>list("order by createdAt desc").stream().map(e -> {
            List<RunStatus> statuses = byExperiment.getOrDefault(e.id, List.of());
            ExperimentPlan plan = plan(e);
            return new Summary(e.id, e.name, ExperimentStatus.derive(statuses, e.cancelled).name(),
                    new ExperimentView.Progress(ExperimentStatus.done(statuses), statuses.size()), plan.cells(),
                    plan.methods(), plan.targets(), plan.repeats(), e.createdAt);
        }).toList();
    }

    /** One row of {@code GET /api/experiments}. */
    public record Summary(String id, String name, String status, ExperimentView.Progress progress,
            List<String> compositions, List<String> methods, List<String> targets, int repeats,
            java.time.Instant createdAt) {
    }

    @Transactional
    public ExperimentView view(String id) {
        Experiment e = find(id);
        ExperimentPlan plan = plan(e);
        Map<String, Run> runs = Run.<Run>list("experimentId", id).stream()
                .collect(Collectors.toMap(r -> r.id, Function.identity()));
        List<RunStatus> statuses = runs.values().stream().map(r -> r.status).toList();
        RunStatus status = ExperimentStatus.derive(statuses, e.cancelled);
        List<StepExecution> steps = runs.isEmpty() ? List.of()
                : StepExecution.list("runId in ?1", List.copyOf(runs.keySet()));
        List<RunSpend.Part> spend = RunSpend.of(runs.keySet());
        Map<String, List<RunSpend.Part>> spendByRun = spend.stream().collect(Collectors.groupingBy(RunSpend.Part::runId));
        Map<String, UsageReport> usageByRun = new LinkedHashMap<>();
        Map<String, List<StepExecution>> stepsByRun = steps.stream().collect(Collectors.groupingBy(s -> s.runId));
        runs.keySet().forEach(runId -> usageByRun.put(runId, UsageReport.of(stepsByRun.getOrDefault(runId, List.of()),
                spendByRun.getOrDefault(runId, List.of()))));
        UsageReport total = UsageReport.of(steps, spend);

        Map<String, List<ResponseRow>> heldOut = new LinkedHashMap<>();
        for (Run r : runs.values()) {
            if (evaluated(r)) {
                List<ResponseRow> rows = ResponseRow.list("runId = ?1 and split = ?2", r.id, ResponseRow.TEST);
                if (!rows.isEmpty() && rows.stream().allMatch(x -> x.scored)) {
                    heldOut.put(r.id, rows);
                }
            }
        }
        List<ExperimentView.Cell> cells = new ArrayList<>();
        for (String cell : plan.cells()) {
            for (String target : plan.targets()) {
                cells.add(cell(plan, cell, target, runs, heldOut, usageByRun));
            }
        }
        List<ExperimentView.RunRef> refs = plan.runs().stream().map(p -> new ExperimentView.RunRef(p.runId(),
                p.cell(), p.target(), p.repeat(), p.method(),
                runs.containsKey(p.runId()) ? runs.get(p.runId()).status.name() : null)).toList();
        return new ExperimentView(e.id, e.name, status.name(),
                new ExperimentView.Progress(ExperimentStatus.done(statuses), statuses.size()), cells,
                new ExperimentView.Usage(total.calls(), total.failures(), total.cacheHits(), total.inputTokens(),
                        total.outputTokens(), total.cost()),
                error(e, plan, runs), setup(plan), refs, e.createdAt);
    }

    static ExperimentView.Setup setup(ExperimentPlan plan) {
        return new ExperimentView.Setup(plan.methods(), plan.cells(), plan.targets(), plan.repeats(), plan.seed(),
                plan.preset(), plan.heldOut(), plan.samples(), plan.querySet(),
                plan.evaluator() != null ? plan.evaluator() : plan.judge(), plan.baselinesFrom(), plan.budget());
    }

    /** A run whose held-out evaluation is complete: finished through its evaluation phase. */
    static boolean evaluated(Run r) {
        return r.phase == Phase.FINISHED && (r.status == RunStatus.DONE || r.status == RunStatus.BUDGET_EXHAUSTED);
    }

    private static String error(Experiment e, ExperimentPlan plan, Map<String, Run> runs) {
        if (e.error != null) {
            return e.error;
        }
        for (ExperimentPlan.PlannedRun p : plan.runs()) {
            Run r = runs.get(p.runId());
            if (r != null && r.status == RunStatus.FAILED) {
                return String.format(Locale.ROOT, "run %s (%s, %s, %s, repeat %d) failed: %s", r.id, p.cell(),
                        p.target(), p.method(), p.repeat() + 1, r.error);
            }
        }
        return null;
    }

    private static ExperimentView.Cell cell(ExperimentPlan plan, String cell, String target, Map<String, Run> runs,
            Map<String, List<ResponseRow>> heldOut, Map<String, UsageReport> usageByRun) {
        RunSpec spec = plan.runs().stream().filter(p -> p.cell().equals(cell) && p.target().equals(target))
                .map(p -> runs.get(p.runId())).filter(r -> r != null).map(RunViews::spec).findFirst().orElse(null);
        List<MethodRatings> ratings = new ArrayList<>();
        for (String method : plan.methods()) {
            Map<Integer, List<ScoredResponse>> byRepeat = new TreeMap<>();
            for (int rep = 0; rep < plan.repeats(); rep++) {
                ExperimentPlan.PlannedRun p = plan.runFor(method, cell, target, rep);
                Run run = p == null ? null : runs.get(p.runId());
                if (run == null || !heldOut.containsKey(run.id)) {
                    continue;
                }
                Long instruction = ExperimentPlan.BARE.equals(method) ? run.bareId
                        : ExperimentPlan.Q_IF.equals(method) ? run.seedId : run.incumbentId;
                byRepeat.put(rep, heldOut.get(run.id).stream().filter(x -> x.instructionId.equals(instruction))
                        .map(x -> new ScoredResponse(x.id.toString(), unitKey(x.queryIndex),
                                Json.doubles(x.ratingsJson), x.redundancy))
                        .toList());
            }
            ratings.add(spec == null ? new MethodRatings(method, Map.of())
                    : UnitRatings.of(method, byRepeat, spec.objective()));
        }
        CellReport report = spec == null ? null
                : CellStatistics.compute(spec.valueIds(), spec.weights(), ratings);
        List<ExperimentView.Method> methods = new ArrayList<>();
        for (int m = 0; m < plan.methods().size(); m++) {
            String method = plan.methods().get(m);
            List<String> own = plan.runs().stream().filter(p -> p.method().equals(method) && p.cell().equals(cell)
                    && p.target().equals(target)).map(ExperimentPlan.PlannedRun::runId).toList();
            long calls = own.stream().mapToLong(id -> usageByRun.containsKey(id) ? usageByRun.get(id).calls() : 0)
                    .sum();
            double cost = own.stream().mapToDouble(id -> usageByRun.containsKey(id) ? usageByRun.get(id).cost() : 0)
                    .sum();
            List<String> sources = new ArrayList<>();
            for (int rep = 0; rep < plan.repeats(); rep++) {
                ExperimentPlan.PlannedRun p = plan.runFor(method, cell, target, rep);
                if (p != null) {
                    sources.add(p.runId());
                }
            }
            CellReport.Method s = report == null ? null : report.methods().get(m);
            methods.add(s == null
                    ? new ExperimentView.Method(method, null, null, null, null, null, null, null, Map.of(), null, null,
                            calls, cost, sources)
                    : new ExperimentView.Method(method, s.mean(), s.ci(), s.min(), s.minCi(), s.cv(), s.cvCi(),
                            s.redundancy(), s.perValue(), s.meanRank(), s.vsPicaco(), calls, cost, sources));
        }
        return new ExperimentView.Cell(cell, target, report == null ? 0 : report.units(),
                report == null ? 0 : report.unitsDropped(), methods, report == null ? null : report.friedman());
    }

    /** A held-out query's key within a repeat; all methods of a cell and repeat share the split, so the index. */
    static String unitKey(int queryIndex) {
        return String.format(Locale.ROOT, "q%03d", queryIndex);
    }
}
