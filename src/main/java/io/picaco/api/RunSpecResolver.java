package io.picaco.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.conductor.MethodName;
import io.picaco.conductor.RunSpec;
import io.picaco.core.BuiltInCompositions;
import io.picaco.core.Composition;
import io.picaco.core.Preset;
import io.picaco.core.QuerySets;
import io.picaco.core.QuerySplit;
import io.picaco.core.SeedInstruction;
import io.picaco.core.Value;
import io.picaco.llm.JudgeMode;
import io.picaco.models.EndpointConfig;
import io.picaco.models.ModelEndpoints;
import io.picaco.steps.ValueInput;
import io.picaco.validation.Checks;
import io.picaco.validation.Inputs;
import io.picaco.validation.Limits;
import io.picaco.validation.ValidationException;

/** Checks a run request against every input rule and resolves it into a {@link RunSpec}; nothing is stored here. */
@ApplicationScoped
public class RunSpecResolver {
    @Inject
    ModelEndpoints endpoints;
    @Inject
    Limits limits;
    @Inject
    Inputs inputs;

    static final List<String> QUERY_SETS = List.of(BuiltInCompositions.SCHWARTZ_QUERIES,
            BuiltInCompositions.HH_QUERIES);
    static final double DELTA = 0.01;
    static final int PATIENCE = 3;

    public RunSpec resolve(RunRequest r) {
        Checks c = inputs.check(r); // the field rules declared on RunRequest
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
        }
        Preset preset = null;
        try {
            preset = Preset.fromName(r.preset());
        } catch (IllegalArgumentException e) {
            c.fail("preset", "must be 'quick' or 'paper'");
        }
        if (r.method() != null) {
            c.require(Arrays.stream(MethodName.values()).anyMatch(m -> m.id().equals(r.method())), "method",
                    "must be one of: " + MethodName.known());
        }
        examples(c, r);
        Map<String, String> models = models(c, r.models());

        List<String> queries = null;
        if (r.queries() != null && r.querySet() != null) {
            c.fail("querySet", "give either queries or a querySet, not both");
        }
        if (r.queries() != null) {
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
                r.judgeMode() != null ? r.judgeMode() : JudgeMode.JOINT,
                or(r.maxLength(), Limits.defaultInstructionLength(limits)), DELTA, PATIENCE, models,
                r.budget() == null ? null
                        : new RunSpec.Budget(r.budget().maxCalls(), r.budget().maxTokens(), r.budget().maxCost()),
                r.method() == null ? MethodName.PICACO : MethodName.of(r.method()),
                r.examples() == null || r.examples().isEmpty() ? null : List.copyOf(r.examples()));
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

    private static int or(Integer v, int d) {
        return v != null ? v : d;
    }

    /**
     * URIAL's demonstrations: a custom composition must bring 1 to 8 {@code examples} (query and answer) to run
     * URIAL; a built-in one has three of its own, which examples replace.
     */
    private static void examples(Checks c, RunRequest r) {
        if (r.examples() != null) {
            c.require(r.examples().size() >= 1 && r.examples().size() <= 8, "examples",
                    "must have between 1 and 8 entries");
            for (int i = 0; i < r.examples().size(); i++) {
                var e = r.examples().get(i);
                if (c.present(e, "examples[" + i + "]")) {
                    c.text(e.query(), 2000, "examples[" + i + "].query");
                    c.text(e.answer(), 4000, "examples[" + i + "].answer");
                }
            }
        }
        if ("urial".equals(r.method()) && r.composition() == null && (r.examples() == null || r.examples().isEmpty())) {
            c.require(false, "examples", "urial with custom values needs 1 to 8 examples {query, answer}");
        }
    }
}
