package io.picaco.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.api.EstimateView;
import io.picaco.api.RunRequest;
import io.picaco.api.RunSpecResolver;
import io.picaco.conductor.MethodName;
import io.picaco.conductor.RunSpec;
import io.picaco.core.BuiltInCompositions;
import io.picaco.core.Composition;
import io.picaco.llm.Role;
import io.picaco.models.EndpointConfig;
import io.picaco.models.ModelEndpoints;
import io.picaco.validation.Checks;
import io.picaco.validation.ValidationException;
import io.picaco.validation.Violation;

/**
 * Checks an experiment request and resolves it into its runs' specs, without storing anything. Every run is
 * resolved by the run API's own resolver (api.RunSpecResolver), so a run of an experiment is checked and built
 * exactly like one started on its own.
 *
 * <p>Pairing: all runs of a cell (composition × target) and repeat r get seed {@code seed + r}, so they share the
 * training/held-out split (core.QuerySplit depends only on the queries, the held-out count and the seed) and the
 * per-call sample seeds (llm.Seeds derive from the run seed, the instruction, the query and the sample index): the
 * bare and seed responses of one method's run are the very responses of another's.
 *
 * <p>Budget (the whole grid's): split over the runs in proportion to each run's estimated calls, each limit
 * separately, rounded down, so the runs' budgets never add up to more than the grid's. A run that reaches its share
 * stops as any run does (evaluated if its share still covers that, else BUDGET_EXHAUSTED); unused budget of one run
 * does not pass to another. Simple, stated before the grid starts, and checkable from each run's page.
 */
@ApplicationScoped
public class ExperimentPlanner {
    static final int DEFAULT_HELD_OUT = 16;
    static final int DEFAULT_SAMPLES = 2;
    static final int MAX_COMPOSITIONS = 20;
    static final List<String> QUERY_SETS = List.of(BuiltInCompositions.SCHWARTZ_QUERIES,
            BuiltInCompositions.HH_QUERIES);
    /** Run-request field → experiment field, for violations found while resolving a run. */
    static final Map<String, String> FIELDS = Map.of("heldOut", "evaluation.heldOut", "evalSamples",
            "evaluation.samples", "models.target", "targets", "method", "methods", "composition", "compositions");

    @Inject
    RunSpecResolver resolver;
    @Inject
    ModelEndpoints endpoints;
    @Inject
    ExperimentLimits limits;

    /** One run to create, with where it sits in the grid. */
    public record PlannedSpec(String cell, String target, int repeat, String method, RunSpec spec) {
    }

    /** A checked experiment: its plan (run ids still unset), its runs' specs and the grid's estimate. */
    public record Planned(ExperimentPlan plan, List<PlannedSpec> runs, ExperimentEstimate estimate) {
    }

    public static List<String> knownMethods() {
        List<String> known = new ArrayList<>(List.of(ExperimentPlan.BARE, ExperimentPlan.Q_IF));
        Arrays.stream(MethodName.values()).map(MethodName::id).filter(m -> !known.contains(m)).forEach(known::add);
        return known;
    }

    static boolean runnable(String method) {
        return Arrays.stream(MethodName.values()).anyMatch(m -> m.id().equals(method));
    }

    public Planned plan(ExperimentRequest r) {
        Checks c = new Checks();
        if (!c.present(r, "body")) {
            c.throwIfAny();
        }
        if (r.name() != null) {
            c.text(r.name(), 200, "name");
        }
        List<String> cells = new ArrayList<>();
        if ((r.compositions() == null) == (r.values() == null)) {
            c.fail("compositions", "give either built-in compositions or custom values, not "
                    + (r.compositions() == null ? "neither" : "both"));
        } else if (r.compositions() != null) {
            if (c.require(!r.compositions().isEmpty() && r.compositions().size() <= MAX_COMPOSITIONS, "compositions",
                    "must list between 1 and " + MAX_COMPOSITIONS + " compositions")) {
                for (int i = 0; i < r.compositions().size(); i++) {
                    String id = r.compositions().get(i);
                    if (!c.require(id != null && BuiltInCompositions.find(id).isPresent(), "compositions[" + i + "]",
                            "unknown composition '" + id + "'; known: " + String.join(", ",
                                    BuiltInCompositions.all().stream().map(Composition::id).toList()))) {
                        continue;
                    }
                    if (c.require(!cells.contains(id), "compositions[" + i + "]", "'" + id + "' is listed twice")) {
                        cells.add(id);
                    }
                }
            }
        } else {
            cells.add(ExperimentPlan.CUSTOM);
        }
        List<String> methods = GridSpecs.distinct(c, r.methods(), "methods", knownMethods(), "method");
        c.present(r.methods(), "methods");
        List<String> targets = r.targets() == null ? List.of("target")
                : GridSpecs.distinct(c, r.targets(), "targets", null, "endpoint");
        for (int i = 0; i < targets.size(); i++) {
            endpoint(c, targets.get(i), r.targets() == null ? "targets" : "targets[" + i + "]");
        }
        c.require(r.targets() == null || !r.targets().isEmpty(), "targets", "must name at least one endpoint");
        GridSpecs.range(c, r.repeats(), 1, 10, "repeats");
        if (r.seed() != null) {
            GridSpecs.range(c, r.seed(), 0, Integer.MAX_VALUE - 10, "seed");
        }
        ExperimentRequest.Evaluation ev = r.evaluation();
        Integer heldOutIn = ev == null ? null : ev.heldOut();
        Integer samplesIn = ev == null ? null : ev.samples();
        String querySet = ev == null ? null : ev.querySet();
        GridSpecs.range(c, heldOutIn, 2, 200, "evaluation.heldOut");
        GridSpecs.range(c, samplesIn, 1, 8, "evaluation.samples");
        if (querySet != null) {
            c.require(QUERY_SETS.contains(querySet), "evaluation.querySet", "must be one of " + QUERY_SETS);
        }
        String evaluator = r.models() == null ? null : r.models().evaluator();
        if (evaluator != null) {
            endpoint(c, evaluator, "models.evaluator");
        }
        if (r.budget() != null) {
            ExperimentRequest.Budget b = r.budget();
            c.require(b.maxCalls() == null || b.maxCalls() > 0, "budget.maxCalls", "must be > 0");
            c.require(b.maxTokens() == null || b.maxTokens() > 0, "budget.maxTokens", "must be > 0");
            c.require(b.maxCost() == null || b.maxCost() > 0, "budget.maxCost", "must be > 0");
        }
        List<String> running = methods.stream().filter(m -> !ExperimentPlan.SHARED.contains(m)).toList();
        String baselinesFrom = baselinesFrom(running);
        if (!methods.isEmpty() && running.isEmpty() && !runnable(ExperimentPlan.Q_IF)) {
            c.fail("methods", "bare and q+if are evaluated on the runs of the other methods; add at least one of: "
                    + MethodName.known());
        }
        c.throwIfAny();

        int repeats = r.repeats() == null ? 1 : r.repeats();
        long seed = r.seed() != null ? r.seed() : ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE - 10);
        int heldOut = heldOutIn == null ? DEFAULT_HELD_OUT : heldOutIn;
        int samples = samplesIn == null ? DEFAULT_SAMPLES : samplesIn;
        List<String> runMethods = running.isEmpty() ? List.of(ExperimentPlan.Q_IF) : running;
        int runCount = cells.size() * targets.size() * repeats * runMethods.size();
        if (runCount > limits.maxRuns()) {
            throw ValidationException.of("grid", String.format(Locale.ROOT, "this experiment needs %,d runs, more "
                    + "than the limit of %,d (picaco.experiments.max-runs); choose fewer compositions, targets, "
                    + "repeats or methods", runCount, limits.maxRuns()));
        }

        List<PlannedSpec> specs = new ArrayList<>();
        for (String cell : cells) {
            for (String target : targets) {
                for (int rep = 0; rep < repeats; rep++) {
                    for (String method : runMethods) {
                        RunSpec spec = resolve(r, cell, target, rep, method, seed + rep, heldOut, samples, null);
                        if (querySet != null) {
                            spec = GridSpecs.withHeldOut(spec, GridSpecs.outOfDistribution(querySet, spec, heldOut, seed + rep));
                        }
                        specs.add(new PlannedSpec(cell, target, rep, method, spec));
                    }
                }
            }
        }
        List<EstimateView> each = specs.stream().map(p -> EstimateView.of(p.spec(), endpoints)).toList();
        long calls = each.stream().mapToLong(EstimateView::calls).sum();
        if (calls > limits.maxCalls()) {
            throw ValidationException.of("estimate", String.format(Locale.ROOT, "this experiment is estimated at "
                    + "%,d model calls over %,d runs, more than the limit of %,d per experiment "
                    + "(picaco.experiments.max-calls); choose fewer compositions, targets, repeats, methods, "
                    + "iterations or candidates", calls, specs.size(), limits.maxCalls()));
        }
        if (r.budget() != null && (r.budget().maxCalls() != null || r.budget().maxTokens() != null
                || r.budget().maxCost() != null)) {
            long tokens = each.stream().mapToLong(EstimateView::tokens).sum();
            double cost = each.stream().mapToDouble(EstimateView::cost).sum();
            List<PlannedSpec> budgeted = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                PlannedSpec p = specs.get(i);
                EstimateView e = each.get(i);
                RunSpec.Budget share = GridSpecs.share(r.budget(), e.calls() / (double) calls,
                        tokens == 0 ? 1.0 / specs.size() : e.tokens() / (double) tokens,
                        cost == 0 ? e.calls() / (double) calls : e.cost() / cost);
                budgeted.add(new PlannedSpec(p.cell(), p.target(), p.repeat(), p.method(), GridSpecs.with(p.spec(), "budget",
                        share)));
            }
            specs = budgeted;
        }
        Map<String, Long> byMethod = new LinkedHashMap<>();
        methods.forEach(m -> byMethod.put(m, 0L));
        for (int i = 0; i < specs.size(); i++) {
            byMethod.merge(specs.get(i).method(), each.get(i).calls(), Long::sum);
        }
        ExperimentEstimate estimate = new ExperimentEstimate(specs.size(), cells.size() * targets.size(),
                heldOut * repeats, calls, each.stream().mapToLong(EstimateView::targetCalls).sum(),
                each.stream().mapToLong(EstimateView::optimizerCalls).sum(),
                each.stream().mapToLong(EstimateView::judgeCalls).sum(),
                each.stream().mapToLong(EstimateView::evaluatorCalls).sum(),
                each.stream().mapToLong(EstimateView::inputTokens).sum(),
                each.stream().mapToLong(EstimateView::outputTokens).sum(),
                each.stream().mapToLong(EstimateView::tokens).sum(),
                each.stream().mapToDouble(EstimateView::cost).sum(), byMethod);
        String name = r.name() != null ? r.name().strip()
                : "Experiment · " + String.join(", ", cells) + " · " + String.join(", ", methods);
        if (name.length() > 200) {
            name = name.substring(0, 199) + "…";
        }
        String judge = r.models() == null || r.models().judge() == null ? "judge" : r.models().judge();
        // Who rates the held-out responses, as the report states it: the evaluator endpoint and its model.
        RunSpec first = specs.get(0).spec();
        String model = first.models() == null ? null : first.models().get(RunSpec.EVALUATOR_MODEL);
        String rater = first.endpoint(Role.EVALUATOR) + (model == null ? "" : " (" + model + ")");
        ExperimentPlan plan = new ExperimentPlan(name, seed, repeats, first.preset(), methods, cells,
                targets, heldOut, samples, querySet, rater, judge, baselinesFrom, r.budget(), List.of());
        return new Planned(plan, specs, estimate);
    }

    /**
     * The method whose runs supply {@code bare} and {@code q+if}: PICACO if it runs, else one of its ablations,
     * else the first method that runs ({@code q+if} itself when no other does). Every run evaluates the bare model
     * and its stored seed instruction; the PICACO family keeps the seed instruction as the Q+IF prompt, which a
     * method with its own starting prompt need not do.
     */
    static String baselinesFrom(List<String> running) {
        if (running.isEmpty()) {
            return ExperimentPlan.Q_IF;
        }
        if (running.contains(io.picaco.experiment.stats.CellStatistics.PICACO)) {
            return io.picaco.experiment.stats.CellStatistics.PICACO;
        }
        return running.stream().filter(m -> m.startsWith("picaco")).findFirst().orElse(running.get(0));
    }

    /** One run's spec, resolved like {@code POST /api/runs}; its violations renamed to the experiment's fields. */
    private RunSpec resolve(ExperimentRequest r, String cell, String target, int repeat, String method, long seed,
            int heldOut, int samples, RunRequest.Budget budget) {
        boolean custom = ExperimentPlan.CUSTOM.equals(cell);
        String runName = (r.name() != null ? r.name().strip() : "Experiment") + " · " + cell + " · " + target + " · "
                + method + " · repeat " + (repeat + 1);
        if (runName.length() > 200) {
            runName = runName.substring(runName.length() - 200);
        }
        RunRequest run = new RunRequest(runName, custom ? null : cell, custom ? r.values() : null, r.queries(),
                r.querySet(), r.preset(), r.iterations(), r.candidates(), r.samples(), samples, r.alignedPoolSize(),
                r.noisyPoolSize(), r.beta(), (double) heldOut, seed, r.seedInstruction(), r.judgeMode(),
                r.maxLength(), new RunRequest.Models(target, r.models() == null ? null : r.models().optimizer(),
                        r.models() == null ? null : r.models().judge(),
                        r.models() == null ? null : r.models().evaluator()),
                budget, method, null);
        try {
            return resolver.resolve(run);
        } catch (ValidationException e) {
            throw new ValidationException(e.violations().stream()
                    .map(v -> new Violation(rename(v.field()), v.message())).toList());
        }
    }

    private static String rename(String field) {
        if (FIELDS.containsKey(field)) {
            return FIELDS.get(field);
        }
        return field.startsWith("models.target") ? "targets" : field;
    }

    private void endpoint(Checks c, String name, String field) {
        if (!c.require(name != null, field, "must name a configured endpoint")) {
            return;
        }
        Optional<EndpointConfig> e = endpoints.find(name);
        if (e.isEmpty()) {
            c.fail(field, "unknown endpoint '" + name + "'; configured: " + String.join(", ", endpoints.names()));
        } else {
            endpoints.problem(e.get()).ifPresent(p -> c.fail(field, "endpoint '" + name + "': " + p));
        }
    }
}
