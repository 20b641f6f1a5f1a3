package io.picaco.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.picaco.conductor.RunSpec;
import io.picaco.core.EvaluationSummary;
import io.picaco.core.Value;
import io.picaco.store.Instruction;
import io.picaco.store.Json;
import io.picaco.store.ResponseRow;
import io.picaco.store.StepExecution;

/** The JSON and Markdown exports of a run. API keys are never part of a run, so none can appear here. */
@ApplicationScoped
public class RunExports {
    @Inject
    RunViews views;

    @Transactional
    public RunExport json(String id) {
        RunView view = views.view(id);
        RunSpec spec = RunViews.spec(views.find(id));
        List<RunExport.InstructionRow> instructions = Instruction.<Instruction>list("runId = ?1 order by id", id)
                .stream().map(i -> new RunExport.InstructionRow(i.id, i.iteration, i.origin, i.text, i.jHat,
                        Json.doubles(i.perValueJson), i.samples))
                .toList();
        List<ResponseRow> pooled = ResponseRow.list("runId = ?1 and pool is not null order by queryIndex, id", id);
        List<RunExport.StepRow> steps = StepExecution.<StepExecution>list("runId = ?1 order by id", id).stream()
                .map(s -> new RunExport.StepRow(s.phase, s.iteration, s.shard, s.role, s.status, s.items,
                        s.failedItems, s.calls, s.failures, s.retries, s.cacheHits, s.inputTokens, s.outputTokens,
                        s.cost, s.error, s.instance))
                .toList();
        return new RunExport(view, spec, instructions, pool(pooled, ResponseRow.ALIGNED, spec),
                pool(pooled, ResponseRow.NOISY, spec), steps);
    }

    private static List<RunExport.PoolEntry> pool(List<ResponseRow> rows, String pool, RunSpec spec) {
        return rows.stream().filter(r -> pool.equals(r.pool)).map(r -> new RunExport.PoolEntry(r.id, r.instructionId,
                spec.query(r.split, r.queryIndex), r.queryIndex, r.sampleIndex, r.text, Json.doubles(r.ratingsJson),
                Json.strings(r.reasonsJson), r.redundancy, r.tau)).toList();
    }

    @Transactional
    public String markdown(String id) {
        RunExport e = json(id);
        RunView v = e.run();
        StringBuilder md = new StringBuilder();
        md.append("# PICACO run: ").append(md(v.name())).append("\n\n");
        md.append("- Run id: ").append(md(v.id())).append("\n");
        md.append("- Status: ").append(v.status()).append(v.error() == null ? "" : " — " + md(v.error())).append('\n');
        md.append("- Models: ").append(md(v.models())).append('\n');
        md.append("- Held-out evaluation rated by: ").append(md(v.evaluator())).append('\n');
        md.append("- Composition: ").append(v.composition() == null ? "custom" : md(v.composition())).append('\n');
        RunView.Parameters p = v.parameters();
        md.append(String.format(Locale.ROOT,
                "- Parameters: preset %s, N=%d training + %d held-out queries, T=%d, C=%d, S=%d, M1=%d, M2=%d, β=%s, "
                        + "seed %d, judge %s%n",
                p.preset(), p.trainingQueries(), p.heldOutQueries(), p.iterations(), p.candidates(), p.samples(),
                p.alignedPoolSize(), p.noisyPoolSize(), p.beta(), p.seed(), p.judgeMode()));
        md.append(String.format(Locale.ROOT, "- Usage: %d calls (%d failed, %d retries, %d cache hits), %d input + "
                + "%d output tokens, $%.4f%s%n%n", v.usage().calls(), v.usage().failures(), v.usage().retries(),
                v.usage().cacheHits(), v.usage().inputTokens(), v.usage().outputTokens(), v.usage().cost(),
                v.usage().latencyMs() == null ? "" : String.format(Locale.ROOT, "; latency p50 %d ms, p99 %d ms",
                        v.usage().latencyMs().p50(), v.usage().latencyMs().p99())));
        md.append("## Values\n\n");
        for (Value val : v.values()) {
            md.append("- **").append(md(val.name())).append("** (").append(md(val.id())).append(", weight ")
                    .append(val.weight()).append("): ").append(md(val.definition())).append('\n');
        }
        if (v.best() != null) {
            md.append("\n## Best instruction\n\n");
            md.append(String.format(Locale.ROOT, "Ĵ on training queries: %s%n%n", num(v.best().jHat())));
            md.append(ExportText.fence("text", v.best().text()));
        }
        if (v.evaluation() != null) {
            md.append("\n## Held-out evaluation\n\n| | ");
            v.values().forEach(val -> md.append(md(val.name())).append(" | "));
            md.append("mean [95 % CI] | min | CV | redundancy | Ĵ |\n|---|");
            v.values().forEach(val -> md.append("---|"));
            md.append("---|---|---|---|---|\n");
            for (Map.Entry<String, EvaluationSummary> ev : v.evaluation().entrySet()) {
                EvaluationSummary s = ev.getValue();
                md.append("| ").append(md(ev.getKey())).append(" | ");
                v.values().forEach(val -> md.append(num(s.perValue().get(val.id()))).append(" | "));
                md.append(num(s.mean())).append(s.ci() == null ? "" : " [" + num(s.ci().get(0)) + ", "
                        + num(s.ci().get(1)) + "]").append(" | ").append(num(s.min())).append(" | ").append(num(s.cv()))
                        .append(" | ").append(num(s.redundancy())).append(" | ").append(num(s.jHat())).append(" |\n");
            }
        }
        md.append("\n## Trajectory\n\n| iteration | Ĵ | instruction id |\n|---|---|---|\n");
        v.trajectory().forEach(t -> md.append("| ").append(t.iteration()).append(" | ").append(num(t.jHat()))
                .append(" | ").append(t.instructionId()).append(" |\n"));
        md.append("\n## Steps\n\n| phase | iteration | shard | role | status | calls | failed | tokens |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        e.steps().forEach(s -> md.append("| ").append(s.phase()).append(" | ").append(s.iteration()).append(" | ")
                .append(s.shard()).append(" | ").append(s.role() == null ? "embedder" : s.role()).append(" | ")
                .append(s.status()).append(" | ").append(s.calls()).append(" | ").append(s.failures()).append(" | ")
                .append(s.inputTokens() + s.outputTokens()).append(" |\n"));
        if (v.simulated()) {
            md.append("\n_These figures come from the simulated models embedded in PICACO Functions: they show the "
                    + "method's mechanics, not the behaviour of a real LLM._\n");
        }
        return md.toString();
    }

    /** The instructions as CSV: one row per instruction, text cells neutralised against formula injection. */
    @Transactional
    public String csv(String id) {
        RunExport e = json(id);
        StringBuilder out = new StringBuilder("id,iteration,origin,j_hat,samples,text\r\n");
        for (RunExport.InstructionRow i : e.instructions()) {
            out.append(ExportText.csv(i.id())).append(',').append(ExportText.csv(i.iteration())).append(',')
                    .append(ExportText.csv(i.origin())).append(',').append(ExportText.csv(i.jHat())).append(',')
                    .append(ExportText.csv(i.samples())).append(',').append(ExportText.csv(i.text())).append("\r\n");
        }
        return out.toString();
    }

    private static String md(Object o) {
        return ExportText.md(o);
    }

    static String num(Double d) {
        return d == null || d.isNaN() ? "–" : String.format(Locale.ROOT, "%.3f", d);
    }
}
