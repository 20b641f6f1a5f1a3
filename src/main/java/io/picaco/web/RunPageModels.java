package io.picaco.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.picaco.api.RunExport;
import io.picaco.api.RunExports;
import io.picaco.api.RunView;
import io.picaco.api.RunViews;
import io.picaco.core.EvaluationSummary;
import io.picaco.core.Value;
import io.picaco.api.UsageReport;
import io.picaco.store.Instruction;
import io.picaco.store.Json;
import io.quarkus.qute.RawString;

/** Builds the run page's model from the API's views and exports. */
@ApplicationScoped
public class RunPageModels {
    static final Set<String> SORTS = Set.of("rating", "rating-asc", "tau", "redundancy", "query");
    static final Map<String, String> LABELS = Map.of("bare", "Bare model", "seed", "Seed instruction", "optimized",
            "Optimized instruction");

    @Inject
    RunViews views;
    @Inject
    RunExports exports;

    @Transactional
    public RunPage page(String id, String pool, String value, String sort) {
        RunView run = views.view(id);
        Pools p = null;
        RunExport export = exports.json(id);
        String poolName = "noisy".equals(pool) ? "noisy" : "aligned";
        p = new Pools(export, run.values(), poolName, value, sort);
        return new RunPage(run, live(run), comparison(run), p.build());
    }

    @Transactional
    public RunPage.Live live(String id) {
        return live(views.view(id));
    }

    RunPage.Live live(RunView run) {
        List<Value> values = run.values();
        List<RunPage.RoleUsage> usage = new ArrayList<>();
        run.usage().byRole().forEach((role, u) -> usage.add(role(role, u)));
        RunView.UsageView total = run.usage();
        usage.add(new RunPage.RoleUsage("total", total.calls(), total.failures(), total.retries(), total.cacheHits(),
                total.inputTokens(), total.outputTokens(), total.cost(),
                total.latencyMs() == null ? null : total.latencyMs().p50()));
        List<RunPage.TrajectoryRow> trajectory = run.trajectory().stream()
                .map(t -> new RunPage.TrajectoryRow(t.iteration(), t.jHat(), perValue(values, t.perValue()),
                        t.instructionId()))
                .toList();
        RawString jChart = null;
        RawString valueChart = null;
        if (!trajectory.isEmpty()) {
            List<String> xs = trajectory.stream().map(t -> Integer.toString(t.iteration())).toList();
            jChart = new RawString(SvgCharts.lines("chart-jhat", "Ĵ per iteration",
                    "The best instruction's estimated objective Ĵ on the training queries after each iteration "
                            + "(0 = the seed instruction). The table below gives the same numbers.",
                    xs, List.of(new SvgCharts.Series("Ĵ", trajectory.stream().map(RunPage.TrajectoryRow::jHat).toList())),
                    null, null, "iteration", List.of("#2b6cb0")));
            List<SvgCharts.Series> perValue = new ArrayList<>();
            for (int k = 0; k < values.size(); k++) {
                int kk = k;
                perValue.add(new SvgCharts.Series(values.get(k).name(),
                        trajectory.stream().map(t -> t.perValue().get(kk)).toList()));
            }
            valueChart = new RawString(SvgCharts.lines("chart-values", "Mean rating per value and iteration",
                    "The best instruction's mean judge rating (1 to 5) of each value after each iteration. "
                            + "The table below gives the same numbers.",
                    xs, perValue, 1.0, 5.0, "iteration", SvgCharts.PALETTE));
        }
        List<Instruction> instructions = Instruction.list("runId = ?1 and origin = ?2 order by iteration, id",
                run.id(), Instruction.CANDIDATE);
        Map<Integer, List<Instruction>> byIteration = new LinkedHashMap<>();
        instructions.forEach(i -> byIteration.computeIfAbsent(i.iteration, k -> new ArrayList<>()).add(i));
        Map<Integer, Long> winners = new LinkedHashMap<>();
        run.trajectory().forEach(t -> winners.put(t.iteration(), t.instructionId()));
        List<RunPage.CandidateGroup> groups = new ArrayList<>();
        byIteration.forEach((it, list) -> {
            Long winner = winners.get(it);
            List<RunPage.Candidate> cands = list.stream().map(i -> new RunPage.Candidate(i.id, i.jHat,
                    perValue(values, Json.doubles(i.perValueJson)), i.id.equals(winner), i.text)).toList();
            boolean kept = winner != null && cands.stream().noneMatch(RunPage.Candidate::winner);
            groups.add(new RunPage.CandidateGroup(it, cands, kept ? winner : null));
        });
        String best = run.best() == null ? "" : run.best().text();
        String seed = run.seed() == null ? "" : run.seed().text();
        return new RunPage.Live(run, Progress.live(run.status()),
                Progress.percent(run.status(), run.phase(), run.iteration(), run.iterations()),
                Progress.phaseLabel(run.phase()), Fmt.duration(run.startedAt(), run.finishedAt()), usage, jChart,
                valueChart, trajectory, values, groups, best, seed, WordDiff.of(seed, best),
                run.best() != null && run.seed() != null && run.best().id().equals(run.seed().id()));
    }

    static RunPage.Comparison comparison(RunView run) {
        if (run.evaluation() == null) {
            return null;
        }
        List<Value> values = run.values();
        List<String> columns = new ArrayList<>();
        List<EvaluationSummary> summaries = new ArrayList<>();
        List<SvgCharts.Series> series = new ArrayList<>();
        run.evaluation().forEach((label, s) -> {
            String name = LABELS.getOrDefault(label, label);
            columns.add(name);
            summaries.add(s);
            series.add(new SvgCharts.Series(name, perValue(values, s.perValue())));
        });
        List<RunPage.ComparisonLine> lines = new ArrayList<>();
        for (Value v : values) {
            lines.add(new RunPage.ComparisonLine(v.name(),
                    summaries.stream().map(s -> Fmt.num2(s.perValue().get(v.id()))).toList(), false));
        }
        lines.add(line("Mean rating [95 % CI over held-out queries]", summaries, s -> Fmt.num2(s.mean())
                + (s.ci() == null ? "" : " [" + Fmt.num2(s.ci().get(0)) + ", " + Fmt.num2(s.ci().get(1)) + "]")));
        lines.add(line("Minimum rating", summaries, s -> Fmt.num2(s.min())));
        lines.add(line("CV (lower = more balanced)", summaries, s -> Fmt.num(s.cv())));
        lines.add(line("Redundancy (lower = less parroting)", summaries, s -> Fmt.num(s.redundancy())));
        lines.add(line("Ĵ", summaries, s -> Fmt.num(s.jHat())));
        lines.add(line("Responses judged (failed)", summaries, s -> s.samples() + " (" + s.failed() + ")"));
        RawString chart = new RawString(SvgCharts.bars("chart-comparison",
                "Held-out comparison per value: bare model, seed instruction, optimized instruction",
                "Mean judge rating (1 to 5) of each value on the held-out queries, for the bare model, the seed "
                        + "instruction and the optimized instruction. The table below gives the same numbers.",
                values.stream().map(Value::name).toList(), series, 0.0, 5.0, SvgCharts.COMPARISON));
        return new RunPage.Comparison(chart, columns, lines);
    }

    private static RunPage.ComparisonLine line(String label, List<EvaluationSummary> summaries,
            java.util.function.Function<EvaluationSummary, String> cell) {
        return new RunPage.ComparisonLine(label, summaries.stream().map(cell).toList(), true);
    }

    static List<Double> perValue(List<Value> values, Map<String, Double> m) {
        List<Double> out = new ArrayList<>();
        for (Value v : values) {
            out.add(m == null ? null : m.get(v.id()));
        }
        return out;
    }

    private static RunPage.RoleUsage role(String role, UsageReport u) {
        return new RunPage.RoleUsage(role, u.calls(), u.failures(), u.retries(), u.cacheHits(), u.inputTokens(),
                u.outputTokens(), u.cost(), u.latencyMs() == null ? null : u.latencyMs().p50());
    }

    /** The pool browser: which pool, an optional value filter and the sort order, as in the page's query string. */
    private record Pools(RunExport export, List<Value> values, String pool, String value, String sort) {
        RunPage.Pools build() {
            List<RunExport.PoolEntry> entries = "noisy".equals(pool) ? export.noisyPool() : export.alignedPool();
            String valueId = values.stream().anyMatch(v -> v.id().equals(value)) ? value : "";
            String order = sort != null && SORTS.contains(sort) ? sort : "rating";
            List<Value> shown = valueId.isEmpty() ? values
                    : values.stream().filter(v -> v.id().equals(valueId)).toList();
            Comparator<RunExport.PoolEntry> cmp = switch (order) {
                case "rating-asc" -> Comparator.comparingDouble(e -> rating(e, valueId));
                case "tau" -> Comparator.comparingDouble((RunExport.PoolEntry e) -> nz(e.tau())).reversed();
                case "redundancy" -> Comparator.comparingDouble((RunExport.PoolEntry e) -> nz(e.redundancy()));
                case "query" -> Comparator.comparingInt(RunExport.PoolEntry::queryIndex);
                default -> Comparator.comparingDouble((RunExport.PoolEntry e) -> rating(e, valueId)).reversed();
            };
            List<RunPage.PoolRow> rows = entries.stream().sorted(cmp.thenComparingLong(RunExport.PoolEntry::id))
                    .map(e -> new RunPage.PoolRow(e.query(), e.response(), shown.stream()
                            .map(v -> new RunPage.Rating(v.name(), e.ratings() == null ? null : e.ratings().get(v.id()),
                                    e.reasons() == null ? null : e.reasons().get(v.id())))
                            .toList(), e.redundancy(), e.tau()))
                    .toList();
            return new RunPage.Pools(pool, valueId, order, values, rows, entries.size());
        }

        private static double rating(RunExport.PoolEntry e, String valueId) {
            if (e.ratings() == null || e.ratings().isEmpty()) {
                return 0;
            }
            if (!valueId.isEmpty()) {
                return nz(e.ratings().get(valueId));
            }
            return e.ratings().values().stream().filter(d -> d != null).mapToDouble(Double::doubleValue).average()
                    .orElse(0);
        }

        private static double nz(Double d) {
            return d == null || d.isNaN() ? Double.NEGATIVE_INFINITY : d;
        }
    }
}
