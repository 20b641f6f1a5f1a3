package io.picaco.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.conductor.RunSpec;
import io.picaco.core.BuiltInCompositions;
import io.picaco.core.Composition;
import io.picaco.core.Preset;
import io.picaco.core.QuerySets;
import io.picaco.core.QuerySplit;
import io.picaco.core.SeedInstruction;
import io.picaco.core.Value;
import io.picaco.llm.Judge;
import io.picaco.models.EndpointConfig;
import io.picaco.models.ModelEndpoints;
import io.picaco.steps.StepRules;
import io.picaco.steps.ValueInput;
import io.picaco.validation.Checks;
import io.picaco.validation.Limits;
import io.picaco.validation.ValidationException;

/** Checks a run request against every input rule and resolves it into a {@link RunSpec}; nothing is stored here. */
@ApplicationScoped
public class RunSpecResolver {
    @Inject
    ModelEndpoints endpoints;
    @Inject
    Limits limits;

    static final int MAX_QUERY = 4000;
    static final int MAX_QUERIES = 2000;
    static final List<String> QUERY_SETS = List.of(BuiltInCompositions.SCHWARTZ_QUERIES,
            BuiltInCompositions.HH_QUERIES);
    static final double DELTA = 0.01;
    static final int PATIENCE = 3;

    public RunSpec resolve(RunRequest r) {
        Checks c = new Checks();
        if (!c.present(r, "body")) {
            c.throwIfAny();
        }
        Composition composition = null;
        if ((r.composition() == null) == (r.values() == null)) {
            c.fail("composition", "give either a built-in composition or custom values, not "
                    + (r.composition() == null ? "neither" : "both"));
        } else if (r.composition() != null) {
            composition = BuiltInCompositions.find(r.composition()).orElse(null);
            c.require(composition != null, "composition", "unknown composition '" + r.composition()
                    + "'; known: " + String.join(", ", BuiltInCompositions.all().stream().map(Composition::id).toList()));
        } else {
            StepRules.values(c, r.values(), "values");
        }
        Preset preset = null;
        try {
            preset = Preset.fromName(r.preset());
        } catch (IllegalArgumentException e) {
            c.fail("preset", "must be 'quick' or 'paper'");
        }
        if (r.name() != null) {
            c.text(r.name(), 200, "name");
        }
        c.range(r.iterations(), 1, 50, "iterations");
        c.range(r.candidates(), 1, 16, "candidates");
        c.range(r.samples(), 1, 8, "samples");
        c.range(r.evalSamples(), 1, 8, "evalSamples");
        c.range(r.alignedPoolSize(), 1, 50, "alignedPoolSize");
        c.range(r.noisyPoolSize(), 1, 50, "noisyPoolSize");
        c.range(r.maxLength(), 200, 8000, "maxLength");
        if (r.beta() != null) {
            c.require(r.beta() > 0 && r.beta() <= 100, "beta", "must be > 0 and at most 100");
        }
        if (r.seedInstruction() != null) {
            c.text(r.seedInstruction(), 8000, "seedInstruction");
        }
        if (r.judgeMode() != null) {
            c.require(Judge.JOINT.equals(r.judgeMode()) || Judge.PER_VALUE.equals(r.judgeMode()), "judgeMode",
                    "must be 'joint' or 'per-value'");
        }
        if (r.seed() != null) {
            c.range(r.seed(), 0, Integer.MAX_VALUE, "seed");
        }
        Map<String, String> models = models(c, r.models());
        budget(c, r.budget());

        List<String> queries = null;
        if (r.queries() != null && r.querySet() != null) {
            c.fail("querySet", "give either queries or a querySet, not both");
        }
        if (r.queries() != null) {
            c.size(r.queries(), 4, MAX_QUERIES, "queries");
            for (int i = 0; i < r.queries().size(); i++) {
                c.text(r.queries().get(i), MAX_QUERY, "queries[" + i + "]");
            }
            queries = r.queries();
        } else if (r.querySet() != null) {
            if (c.require(QUERY_SETS.contains(r.querySet()), "querySet", "must be one of " + QUERY_SETS)) {
                queries = QuerySets.load(r.querySet());
            }
        } else if (composition != null) {
            queries = QuerySets.load(composition.querySet());
        } else if (r.values() != null) {
            c.fail("queries", "custom values need queries (or a built-in querySet: " + QUERY_SETS + ")");
        }
        boolean builtInQueries = r.queries() == null;
        if (queries != null && preset != null) {
            int total = queries.size();
            if (r.heldOut() != null) {
                boolean share = r.heldOut() > 0 && r.heldOut() < 1;
                boolean count = r.heldOut() >= 2 && r.heldOut() == Math.rint(r.heldOut());
                if (c.require(share || count, "heldOut", "must be a share between 0 and 1, or a whole count of at least 2")) {
                    c.require(total - QuerySplit.heldOutCount(total, r.heldOut()) >= 2, "heldOut",
                            "leaves fewer than 2 training queries out of " + total);
                }
            }
        }
        c.throwIfAny();

        List<Value> values = composition != null ? composition.values()
                : r.values().stream().map(ValueInput::toValue).toList();
        double heldOut = r.heldOut() != null ? r.heldOut()
                : builtInQueries ? preset.heldOut
                        : Math.min(QuerySplit.heldOutCount(queries.size(), preset.heldOut), queries.size() - 2);
        long seed = r.seed() != null ? r.seed() : ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE);
        int maxTraining = builtInQueries ? preset.trainingQueries : Integer.MAX_VALUE;
        QuerySplit split = QuerySplit.of(queries, heldOut, maxTraining, seed);
        String name = r.name() != null ? r.name().strip()
                : (composition != null ? composition.title() : "Custom values") + " · " + preset.name()
                        .toLowerCase(Locale.ROOT);
        RunSpec spec = new RunSpec(name, composition == null ? null : composition.id(), preset.name().toLowerCase(Locale.ROOT),
                values, split.training(), split.heldOut(),
                or(r.iterations(), preset.iterations), or(r.candidates(), preset.candidates),
                or(r.samples(), preset.samples), or(r.evalSamples(), 2), or(r.alignedPoolSize(), preset.alignedPoolSize),
                or(r.noisyPoolSize(), preset.noisyPoolSize), r.beta() != null ? r.beta() : preset.beta, seed,
                r.seedInstruction() != null ? r.seedInstruction().strip() : SeedInstruction.forValues(values),
                r.judgeMode() != null ? r.judgeMode() : Judge.JOINT, or(r.maxLength(), 1500), DELTA, PATIENCE, models,
                r.budget() == null ? null
                        : new RunSpec.Budget(r.budget().maxCalls(), r.budget().maxTokens(), r.budget().maxCost()));
        long calls = spec.estimate().calls();
        if (calls > limits.maxCallsPerRun()) {
            throw ValidationException.of("estimate", String.format(Locale.ROOT, "this run is estimated at %,d model "
                    + "calls, more than the limit of %,d per run (picaco.limits.max-calls-per-run); choose fewer "
                    + "queries, iterations, candidates or samples", calls, limits.maxCallsPerRun()));
        }
        return spec;
    }

    /** Each role's endpoint (named in the request, or the role's default) must exist and be usable. */
    private Map<String, String> models(Checks c, RunRequest.Models m) {
        Map<String, String> chosen = new LinkedHashMap<>();
        chosen.put("target", m == null || m.target() == null ? "target" : m.target());
        chosen.put("optimizer", m == null || m.optimizer() == null ? "optimizer" : m.optimizer());
        chosen.put("judge", m == null || m.judge() == null ? "judge" : m.judge());
        chosen.put("evaluator", m == null || m.evaluator() == null ? "evaluator" : m.evaluator());
        chosen.forEach((role, name) -> {
            Optional<EndpointConfig> e = endpoints.find(name);
            if (e.isEmpty()) {
                c.fail("models." + role, "unknown endpoint '" + name + "'; configured: "
                        + String.join(", ", endpoints.names()));
            } else {
                endpoints.problem(e.get()).ifPresent(p -> c.fail("models." + role, "endpoint '" + name + "': " + p));
            }
        });
        // which model rated the held-out evaluation, as configured when the run started
        endpoints.find(chosen.get("evaluator"))
                .ifPresent(e -> chosen.put(RunSpec.EVALUATOR_MODEL, e.modelName()));
        return chosen;
    }

    private static void budget(Checks c, RunRequest.Budget b) {
        if (b == null) {
            return;
        }
        if (b.maxCalls() != null) {
            c.require(b.maxCalls() > 0, "budget.maxCalls", "must be > 0");
        }
        if (b.maxTokens() != null) {
            c.require(b.maxTokens() > 0, "budget.maxTokens", "must be > 0");
        }
        if (b.maxCost() != null) {
            c.require(b.maxCost() > 0, "budget.maxCost", "must be > 0");
        }
    }

    private static int or(Integer v, int d) {
        return v != null ? v : d;
    }
}
