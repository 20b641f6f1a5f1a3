package io.picaco.experiment.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The statistics of one experiment cell (ALGORITHM.md, "Evaluation of an experiment"): per method the mean, minimum
 * and CV with stratified percentile-bootstrap 95 % intervals, per-value means and mean Friedman rank; the paired
 * difference with PICACO (bootstrap interval, Wilcoxon signed-rank p, Holm-corrected across the comparisons); and
 * the cell's Friedman test. Pure and deterministic: the same ratings give the same report, on any machine and in
 * any input order.
 *
 * <p>All statistics use the units rated for every method (a paired, complete block design); see
 * {@link CellReport} for the definitions of every figure.
 */
public final class CellStatistics {
    public static final String PICACO = "picaco";

    private final List<String> valueIds;
    private final double[] weights;
    private final double weightSum;

    private CellStatistics(List<String> valueIds, Map<String, Double> weights) {
        if (valueIds.isEmpty()) {
            throw new IllegalArgumentException("a cell needs at least one value");
        }
        this.valueIds = List.copyOf(valueIds);
        this.weights = new double[valueIds.size()];
        double sum = 0;
        for (int k = 0; k < valueIds.size(); k++) {
            double w = weights.getOrDefault(valueIds.get(k), 1.0);
            if (!(w > 0)) {
                throw new IllegalArgumentException("weight of " + valueIds.get(k) + " must be > 0");
            }
            this.weights[k] = w;
            sum += w;
        }
        this.weightSum = sum;
    }

    /** Compares every method with {@value #PICACO}. */
    public static CellReport compute(List<String> valueIds, Map<String, Double> weights, List<MethodRatings> methods) {
        return compute(valueIds, weights, methods, PICACO);
    }

    /**
     * @param valueIds the composition's values, in display order
     * @param weights value id → weight (missing: 1); only the ratio between weights matters
     * @param methods the methods of the cell, in report order (distinct ids)
     * @param reference the method every other one is compared with (normally {@value #PICACO})
     */
    public static CellReport compute(List<String> valueIds, Map<String, Double> weights, List<MethodRatings> methods,
            String reference) {
        return new CellStatistics(valueIds, weights).report(methods, reference);
    }

    private CellReport report(List<MethodRatings> methods, String reference) {
        if (methods.stream().map(MethodRatings::method).distinct().count() != methods.size()) {
            throw new IllegalArgumentException("a cell lists each method once");
        }
        List<Unit> units = completeUnits(methods);
        int dropped = allUnits(methods).size() - units.size();
        if (units.isEmpty()) {
            List<CellReport.Method> empty = methods.stream()
                    .map(m -> new CellReport.Method(m.method(), null, null, null, null, null, null, null, Map.of(),
                            null, null))
                    .toList();
            return new CellReport(0, dropped, empty, null);
        }
        int u = units.size();
        int mCount = methods.size();
        // ratings[m][unit][value] and scores[m][unit]: the cell as arrays, units in their sorted order.
        double[][][] ratings = new double[mCount][u][valueIds.size()];
        double[][] scores = new double[mCount][u];
        for (int m = 0; m < mCount; m++) {
            for (int i = 0; i < u; i++) {
                Map<String, Double> byValue = methods.get(m).perValue().get(units.get(i));
                for (int k = 0; k < valueIds.size(); k++) {
                    ratings[m][i][k] = byValue.get(valueIds.get(k));
                }
                scores[m][i] = unitScore(ratings[m][i]);
            }
        }
        StratifiedBootstrap bootstrap = StratifiedBootstrap.of(units.stream().mapToInt(Unit::repeat).toArray());

        FriedmanTest.Result friedman = mCount >= 2 ? FriedmanTest.test(transpose(scores)) : null;
        int ref = indexOf(methods, reference);
        CellReport.VsPicaco[] vs = ref < 0 ? new CellReport.VsPicaco[mCount] : comparisons(scores, ref, bootstrap);

        List<CellReport.Method> out = new ArrayList<>();
        for (int m = 0; m < mCount; m++) {
            double[][] r = ratings[m];
            double[] s = scores[m];
            double[] perValue = perValueMeans(r, null);
            Double cv = finiteOrNull(cv(perValue));
            out.add(new CellReport.Method(methods.get(m).method(),
                    mean(s, null), list(bootstrap.interval(idx -> mean(s, idx))),
                    min(perValue), list(bootstrap.interval(idx -> min(perValueMeans(r, idx)))),
                    cv, cv == null ? null : list(bootstrap.interval(idx -> cv(perValueMeans(r, idx)))),
                    redundancy(methods.get(m), units), perValueMap(perValue),
                    friedman == null ? null : friedman.meanRanks()[m], vs[m]));
        }
        CellReport.Friedman f = friedman == null ? null
                : new CellReport.Friedman(friedman.chi2(), friedman.df(), friedman.p());
        return new CellReport(u, dropped, out, f);
    }

    // PICACO − method for every other method: bootstrap CI of the mean difference, Wilcoxon p, Holm across them.
    private static CellReport.VsPicaco[] comparisons(double[][] scores, int ref, StratifiedBootstrap bootstrap) {
        int mCount = scores.length;
        double[][] diffs = new double[mCount][];
        double[] p = new double[mCount - 1];
        int[] others = new int[mCount - 1];
        int c = 0;
        for (int m = 0; m < mCount; m++) {
            if (m == ref) {
                continue;
            }
            diffs[m] = new double[scores[ref].length];
            for (int i = 0; i < diffs[m].length; i++) {
                diffs[m][i] = scores[ref][i] - scores[m][i];
            }
            p[c] = PairedWilcoxon.test(scores[ref], scores[m]).p();
            others[c++] = m;
        }
        double[] pHolm = Holm.adjust(p);
        CellReport.VsPicaco[] out = new CellReport.VsPicaco[mCount];
        for (int j = 0; j < others.length; j++) {
            double[] d = diffs[others[j]];
            out[others[j]] = new CellReport.VsPicaco(mean(d, null), list(bootstrap.interval(idx -> mean(d, idx))),
                    p[j], pHolm[j]);
        }
        return out;
    }

    private double unitScore(double[] byValue) {
        double sum = 0;
        for (int k = 0; k < byValue.length; k++) {
            sum += weights[k] * byValue[k];
        }
        return sum / weightSum;
    }

    /** Mean of x over the resample idx (indices into x), or over all of x when idx is null. */
    static double mean(double[] x, int[] idx) {
        double sum = 0;
        int n = idx == null ? x.length : idx.length;
        for (int i = 0; i < n; i++) {
            sum += x[idx == null ? i : idx[i]];
        }
        return sum / n;
    }

    /** Per value, the mean rating over the units of the resample idx (all units when null). */
    static double[] perValueMeans(double[][] ratings, int[] idx) {
        int k = ratings[0].length;
        int n = idx == null ? ratings.length : idx.length;
        double[] means = new double[k];
        for (int i = 0; i < n; i++) {
            double[] row = ratings[idx == null ? i : idx[i]];
            for (int v = 0; v < k; v++) {
                means[v] += row[v];
            }
        }
        for (int v = 0; v < k; v++) {
            means[v] /= n;
        }
        return means;
    }

    static double min(double[] perValue) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : perValue) {
            min = Math.min(min, v);
        }
        return min;
    }

    /** Population standard deviation / mean of the per-value means; NaN when the mean is 0. */
    static double cv(double[] perValue) {
        double mean = mean(perValue, null);
        double ss = 0;
        for (double v : perValue) {
            ss += (v - mean) * (v - mean);
        }
        return mean == 0 ? Double.NaN : Math.sqrt(ss / perValue.length) / mean;
    }

    private List<Unit> completeUnits(List<MethodRatings> methods) {
        Set<Unit> common = null;
        for (MethodRatings m : methods) {
            Set<Unit> complete = new TreeSet<>();
            m.perValue().forEach((unit, byValue) -> {
                if (valueIds.stream().allMatch(v -> byValue.get(v) != null && Double.isFinite(byValue.get(v)))) {
                    complete.add(unit);
                }
            });
            if (common == null) {
                common = complete;
            } else {
                common.retainAll(complete);
            }
        }
        return common == null ? List.of() : List.copyOf(common);
    }

    private static Set<Unit> allUnits(List<MethodRatings> methods) {
        Set<Unit> all = new TreeSet<>();
        methods.forEach(m -> all.addAll(m.perValue().keySet()));
        return all;
    }

    private static Double redundancy(MethodRatings m, List<Unit> units) {
        double[] values = units.stream().map(m.redundancy()::get).filter(r -> r != null && Double.isFinite(r))
                .mapToDouble(Double::doubleValue).toArray();
        return values.length == 0 ? null : mean(values, null);
    }

    private Map<String, Double> perValueMap(double[] perValue) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < valueIds.size(); k++) {
            out.put(valueIds.get(k), perValue[k]);
        }
        return out;
    }

    private static int indexOf(List<MethodRatings> methods, String id) {
        for (int m = 0; m < methods.size(); m++) {
            if (methods.get(m).method().equals(id)) {
                return m;
            }
        }
        return -1;
    }

    private static double[][] transpose(double[][] byMethod) {
        double[][] byUnit = new double[byMethod[0].length][byMethod.length];
        for (int m = 0; m < byMethod.length; m++) {
            for (int i = 0; i < byMethod[m].length; i++) {
                byUnit[i][m] = byMethod[m][i];
            }
        }
        return byUnit;
    }

    private static Double finiteOrNull(double x) {
        return Double.isFinite(x) ? x : null;
    }

    private static List<Double> list(Interval ci) {
        return ci == null ? null : ci.asList();
    }
}
