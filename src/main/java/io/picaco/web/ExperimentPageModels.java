package io.picaco.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.picaco.conductor.MethodName;
import io.picaco.core.BuiltInCompositions;
import io.picaco.experiment.ExperimentView;
import io.picaco.experiment.stats.CellReport;
import io.quarkus.qute.RawString;

/** What the experiment pages show, formatted: the paper-style table, each cell's tables and chart. */
final class ExperimentPageModels {
    /** Ratings are on a 1–5 scale: the charts' axis. */
    static final double SCALE_MIN = 1;
    static final double SCALE_MAX = 5;

    private ExperimentPageModels() {
    }

    /** One method's row in a cell's table, formatted. */
    public record Row(String method, String mean, boolean best, String min, String cv, String redundancy,
            String meanRank, String diff, String p, String pHolm, long calls) {
    }

    /** A value's mean per method (in the table's method order), the best in bold. */
    public record ValueMeans(String value, List<Figure> means) {
    }

    /** One formatted figure and whether it is the best of its row. */
    public record Figure(String text, boolean best) {
    }

    public record CellTable(String composition, String target, int units, int unitsDropped, List<Row> rows,
            String friedman, RawString chart, List<String> methods, List<ValueMeans> perValue) {
    }

    /** The paper's table: one row per cell, one column per method. */
    public record PaperTable(List<String> methods, List<PaperRow> rows) {
    }

    public record PaperRow(String cell, List<Figure> figures) {
    }

    /** A method's checkbox: its id and what it is. */
    public record MethodChoice(String id, String description) {
    }

    static String describe(String method) {
        return switch (MethodName.of(method)) {
            case BARE -> "no system message";
            case Q_IF -> "the seed instruction: the values and their definitions";
            case URIAL -> "three in-context demonstrations per composition";
            case OPRO -> "optimization by prompting, a scalar score";
            case PICACO -> "the full method";
            case PICACO_NO_REDUNDANCY -> "ablation: no redundancy penalty";
            case PICACO_NO_NOISY_POOL -> "ablation: no noisy pool";
            case PICACO_NO_ENHANCEMENT -> "ablation: no enhancement step";
            case PICACO_SINGLE_ROUND -> "ablation: a single round";
        };
    }

    static CellTable cell(ExperimentView.Cell c, int index) {
        Double best = best(c.methods().stream().map(ExperimentView.Method::mean).toList());
        List<Row> rows = c.methods().stream().map(m -> {
            CellReport.VsPicaco d = m.vsPicaco();
            return new Row(m.method(), withCi(m.mean(), m.ci()), m.mean() != null && m.mean().equals(best),
                    withCi(m.min(), m.minCi()), Fmt.num(m.cv()), Fmt.num(m.redundancy()), Fmt.num2(m.meanRank()),
                    d == null ? "–" : withCi(d.diff(), d.ci()), d == null ? "–" : p(d.p()),
                    d == null ? "–" : p(d.pHolm()), m.calls());
        }).toList();
        CellReport.Friedman f = c.friedman();
        String friedman = f == null ? null
                : String.format(Locale.ROOT, "χ²_F = %.2f, df = %d, p = %s", f.chi2(), f.df(), p(f.p()));
        Map<String, String> values = valueNames(c);
        List<String> methods = c.methods().stream().map(ExperimentView.Method::method).toList();
        List<ValueMeans> perValue = new ArrayList<>();
        values.forEach((valueId, name) -> {
            List<Double> means = c.methods().stream()
                    .map(m -> m.perValue() == null ? null : m.perValue().get(valueId)).toList();
            Double top = best(means);
            perValue.add(new ValueMeans(name, means.stream()
                    .map(x -> new Figure(Fmt.num2(x), x != null && x.equals(top))).toList()));
        });
        return new CellTable(c.composition(), c.target(), c.units(), c.unitsDropped(), rows, friedman,
                new RawString(chart("chart-cell-" + index, c, values)), methods, perValue);
    }

    /**
     * A cell's grouped bar chart: per method (one colour each), the mean and the lowest per-value mean with their
     * 95 % intervals as whiskers, then each value's mean. The cell's tables on the page carry the same figures.
     */
    static String chart(String id, ExperimentView.Cell c, Map<String, String> values) {
        List<String> groups = new ArrayList<>(List.of("Mean", "Lowest value"));
        groups.addAll(values.values());
        List<SvgCharts.Series> series = new ArrayList<>();
        List<List<SvgCharts.Interval>> intervals = new ArrayList<>();
        for (ExperimentView.Method m : c.methods()) {
            List<Double> bars = new ArrayList<>();
            bars.add(m.mean());
            bars.add(m.min());
            values.keySet().forEach(v -> bars.add(m.perValue() == null ? null : m.perValue().get(v)));
            series.add(new SvgCharts.Series(m.method(), bars));
            List<SvgCharts.Interval> cis = new ArrayList<>();
            cis.add(interval(m.ci()));
            cis.add(interval(m.minCi()));
            intervals.add(cis);
        }
        String title = "Mean rating per method, " + c.composition() + " × " + c.target();
        String description = "Grouped bars on the 1 to 5 rating scale, one colour per method ("
                + String.join(", ", c.methods().stream().map(ExperimentView.Method::method).toList())
                + "): the mean over " + c.units() + " units and the lowest per-value mean, each with its 95 % "
                + "bootstrap interval as a whisker, then the mean of each value. The tables below give the same "
                + "figures.";
        return SvgCharts.bars(id, title, description, groups, series, intervals, SCALE_MIN, SCALE_MAX,
                SvgCharts.PALETTE);
    }

    /** Value id → name, in the composition's order; ids alone for a custom composition. */
    static Map<String, String> valueNames(ExperimentView.Cell c) {
        Map<String, String> out = new LinkedHashMap<>();
        BuiltInCompositions.find(c.composition())
                .ifPresent(comp -> comp.values().forEach(v -> out.put(v.id(), v.name())));
        for (ExperimentView.Method m : c.methods()) {
            if (m.perValue() != null) {
                m.perValue().keySet().forEach(k -> out.putIfAbsent(k, k));
            }
        }
        boolean anyRated = c.methods().stream().anyMatch(m -> m.perValue() != null && !m.perValue().isEmpty());
        if (!anyRated) {
            out.clear();
        } else {
            out.keySet().removeIf(k -> c.methods().stream()
                    .noneMatch(m -> m.perValue() != null && m.perValue().containsKey(k)));
        }
        return out;
    }

    static SvgCharts.Interval interval(List<Double> ci) {
        return ci == null || ci.size() < 2 || ci.get(0) == null || ci.get(1) == null ? null
                : new SvgCharts.Interval(ci.get(0), ci.get(1));
    }

    static ExperimentView.Method method(ExperimentView.Cell c, String method) {
        return c.methods().stream().filter(m -> m.method().equals(method)).findFirst().orElse(null);
    }

    static Double best(List<Double> xs) {
        return xs.stream().filter(Objects::nonNull).filter(d -> Double.isFinite(d)).max(Double::compare).orElse(null);
    }

    static String withCi(Double x, List<Double> ci) {
        if (x == null) {
            return "–";
        }
        return ci == null || ci.size() < 2 ? Fmt.num2(x)
                : Fmt.num2(x) + " [" + Fmt.num2(ci.get(0)) + ", " + Fmt.num2(ci.get(1)) + "]";
    }

    static String p(double p) {
        return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }
}
