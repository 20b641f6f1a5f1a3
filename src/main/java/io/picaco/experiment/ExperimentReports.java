package io.picaco.experiment;

import static io.picaco.api.ExportText.csv;
import static io.picaco.api.ExportText.md;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import io.picaco.experiment.stats.CellReport;

/**
 * {@code GET /api/experiments/{id}/report}: Markdown (a header stating what stands behind every figure, then per
 * cell a table and the Friedman line) and CSV (one row per cell × method). JSON is the GET body itself. User text
 * (names, endpoint names) is escaped: Markdown renders it literally, CSV cells are never formulas.
 */
public final class ExperimentReports {
    static final String CSV_HEADER = "experiment,composition,target,units,units_dropped,method,mean,ci_lo,ci_hi,min,"
            + "min_ci_lo,min_ci_hi,cv,cv_ci_lo,cv_ci_hi,redundancy,mean_rank,diff_vs_picaco,diff_ci_lo,diff_ci_hi,p,"
            + "p_holm,friedman_chi2,friedman_df,friedman_p,calls,cost";

    private ExperimentReports() {
    }

    public static String markdown(ExperimentView v) {
        ExperimentView.Setup s = v.setup();
        StringBuilder out = new StringBuilder();
        out.append("# ").append(md(v.name())).append("\n\n");
        out.append("Experiment `").append(v.id()).append("` · status **").append(v.status()).append("** · ")
                .append(v.progress().runsDone()).append(" of ").append(v.progress().runsTotal())
                .append(" runs finished\n\n");
        out.append("- **Evaluator**: ").append(md(s.evaluator())).append(" rates every held-out response")
                .append(" (optimization never sees these ratings)\n");
        out.append("- **Queries**: ").append(s.heldOut()).append(" held-out queries per cell and repeat, ")
                .append(s.querySet() == null ? "split from each composition's own query set by the repeat's seed"
                        : "drawn from the query set `" + md(s.querySet()) + "` (out of distribution)")
                .append("; ").append(s.samples()).append(s.samples() == 1 ? " sample" : " samples")
                .append(" per query and method\n");
        out.append("- **Repeats**: ").append(s.repeats()).append(" (seeds ").append(s.seed()).append("–")
                .append(s.seed() + s.repeats() - 1).append("), preset ").append(md(s.preset())).append("\n");
        out.append("- **Units**: a unit is a (repeat, held-out query) pair, its score the mean over samples and ")
                .append("values (weighted); every figure of a cell uses the units rated for all of its methods. ")
                .append("95 % CIs: percentile bootstrap over units stratified by repeat, 2,000 resamples, fixed ")
                .append("seed. Δ = PICACO − method on the same units; p: two-sided Wilcoxon signed-rank; pHolm: ")
                .append("Holm-corrected across the cell's comparisons\n");
        out.append("- **Methods**: ").append(md(String.join(", ", s.methods())));
        if (s.methods().contains(ExperimentPlan.BARE) || s.methods().contains(ExperimentPlan.Q_IF)) {
            out.append(" (bare and q+if evaluated once per cell and repeat, on the runs of ")
                    .append(md(s.baselinesFrom())).append(")");
        }
        out.append("\n");
        out.append("- **Usage**: ").append(String.format(Locale.ROOT, "%,d calls, %,d tokens, $%.4f",
                v.usage().calls(), v.usage().inputTokens() + v.usage().outputTokens(), v.usage().cost()))
                .append("; a method's calls are those its runs made: a call another run of the same cell and ")
                .append("repeat made first (same seed, same prompt) is answered from the cache and not counted again\n");
        if (v.error() != null) {
            out.append("- **Error**: ").append(md(v.error())).append("\n");
        }
        for (ExperimentView.Cell c : v.cells()) {
            out.append("\n## ").append(md(c.composition())).append(" × ").append(md(c.target())).append("\n\n");
            out.append(c.units()).append(" units (").append(s.heldOut()).append(" queries × ").append(s.repeats())
                    .append(s.repeats() == 1 ? " repeat" : " repeats").append(", each the mean of ")
                    .append(s.samples()).append(s.samples() == 1 ? " sample" : " samples").append(")");
            if (c.unitsDropped() > 0) {
                out.append("; ").append(c.unitsDropped()).append(" more lacked a rating for some method");
            }
            out.append("\n\n");
            out.append("| method | mean [95 % CI] | min | CV | redundancy | mean rank | Δ vs PICACO [95 % CI] | p "
                    + "| pHolm | calls |\n");
            out.append("|---|---|---|---|---|---|---|---|---|---|\n");
            for (ExperimentView.Method m : c.methods()) {
                CellReport.VsPicaco d = m.vsPicaco();
                out.append("| ").append(md(m.method()))
                        .append(" | ").append(withCi(m.mean(), m.ci(), 2))
                        .append(" | ").append(num(m.min(), 2))
                        .append(" | ").append(num(m.cv(), 3))
                        .append(" | ").append(num(m.redundancy(), 3))
                        .append(" | ").append(num(m.meanRank(), 2))
                        .append(" | ").append(d == null ? "—" : withCi(d.diff(), d.ci(), 2))
                        .append(" | ").append(d == null ? "—" : p(d.p()))
                        .append(" | ").append(d == null ? "—" : p(d.pHolm()))
                        .append(" | ").append(String.format(Locale.ROOT, "%,d", m.calls())).append(" |\n");
            }
            CellReport.Friedman f = c.friedman();
            out.append("\n").append(f == null ? "Friedman: not computed (fewer than two methods or no complete unit)"
                    : String.format(Locale.ROOT, "Friedman: χ²_F = %.2f, df = %d, p = %s (blocks = %d units)",
                            f.chi2(), f.df(), p(f.p()), c.units()))
                    .append("\n");
        }
        return out.toString();
    }

    public static String csvTable(ExperimentView v) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (ExperimentView.Cell c : v.cells()) {
            for (ExperimentView.Method m : c.methods()) {
                CellReport.VsPicaco d = m.vsPicaco();
                CellReport.Friedman f = c.friedman();
                StringJoiner row = new StringJoiner(",");
                row.add(csv(v.id())).add(csv(c.composition())).add(csv(c.target())).add(csv(c.units()))
                        .add(csv(c.unitsDropped())).add(csv(m.method())).add(csv(m.mean())).add(lo(m.ci()))
                        .add(hi(m.ci())).add(csv(m.min())).add(lo(m.minCi())).add(hi(m.minCi())).add(csv(m.cv()))
                        .add(lo(m.cvCi())).add(hi(m.cvCi())).add(csv(m.redundancy())).add(csv(m.meanRank()))
                        .add(d == null ? "" : csv(d.diff())).add(d == null ? "" : lo(d.ci()))
                        .add(d == null ? "" : hi(d.ci())).add(d == null ? "" : csv(d.p()))
                        .add(d == null ? "" : csv(d.pHolm())).add(f == null ? "" : csv(f.chi2()))
                        .add(f == null ? "" : csv(f.df())).add(f == null ? "" : csv(f.p())).add(csv(m.calls()))
                        .add(csv(m.cost()));
                out.append(row).append("\r\n");
            }
        }
        return out.toString();
    }

    private static String lo(List<Double> ci) {
        return ci == null ? "" : csv(ci.get(0));
    }

    private static String hi(List<Double> ci) {
        return ci == null ? "" : csv(ci.get(1));
    }

    static String num(Double x, int decimals) {
        return x == null ? "—" : String.format(Locale.ROOT, "%." + decimals + "f", x);
    }

    static String withCi(Double x, List<Double> ci, int decimals) {
        if (x == null) {
            return "—";
        }
        String s = num(x, decimals);
        return ci == null ? s : s + " [" + num(ci.get(0), decimals) + ", " + num(ci.get(1), decimals) + "]";
    }

    static String p(double p) {
        return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }
}
