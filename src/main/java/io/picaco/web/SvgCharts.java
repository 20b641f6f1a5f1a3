package io.picaco.web;

import java.util.List;
import java.util.Locale;

/**
 * Server-side SVG charts. Every piece of text that goes into the SVG (value names, titles) is escaped here, so the
 * result may be written into a page unescaped. Colours are SVG presentation attributes, allowed by the page CSP.
 */
public final class SvgCharts {
    public static final List<String> PALETTE = List.of("#1f77b4", "#d95f02", "#2ca02c", "#d62728", "#7b3294",
            "#8c564b", "#e7298a", "#4d4d4d", "#a6a600", "#17becf");
    /** Bare model, seed instruction, optimized instruction. */
    public static final List<String> COMPARISON = List.of("#9e9e9e", "#e6a23c", "#2b6cb0");

    static final int W = 640;
    static final int LEFT = 48;
    static final int RIGHT = 16;
    static final int TOP = 16;
    static final int PLOT_H = 200;

    /** One line (or one bar series): a name and a value per x position (null = no value). */
    public record Series(String name, List<Double> values) {
    }

    private SvgCharts() {
    }

    /** A line chart over x labels; {@code yMin}/{@code yMax} null = fit the data. */
    public static String lines(String id, String title, String description, List<String> xLabels, List<Series> series,
            Double yMin, Double yMax, String xAxis, List<String> colours) {
        double[] range = range(series, yMin, yMax);
        int legendRows = series.size() > 1 ? (series.size() + 2) / 3 : 0;
        int h = TOP + PLOT_H + 52 + legendRows * 18;
        StringBuilder s = open(id, title, description, h);
        axes(s, range, xAxis);
        int n = xLabels.size();
        double step = n > 1 ? (double) (W - LEFT - RIGHT) / (n - 1) : 0;
        for (int i = 0; i < n; i++) {
            double x = n > 1 ? LEFT + i * step : (W + LEFT - RIGHT) / 2.0;
            s.append(fmt("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"tick\">%s</text>", x,
                    TOP + PLOT_H + 16, esc(xLabels.get(i))));
        }
        for (int k = 0; k < series.size(); k++) {
            Series se = series.get(k);
            String colour = colours.get(k % colours.size());
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < n && i < se.values().size(); i++) {
                Double v = se.values().get(i);
                if (v == null || !Double.isFinite(v)) {
                    continue;
                }
                double x = n > 1 ? LEFT + i * step : (W + LEFT - RIGHT) / 2.0;
                path.append(path.length() == 0 ? "M" : "L").append(fmt("%.1f %.1f ", x, y(v, range)));
            }
            if (path.length() > 0) {
                s.append(fmt("<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>", path.toString().strip(),
                        colour));
            }
            for (int i = 0; i < n && i < se.values().size(); i++) {
                Double v = se.values().get(i);
                if (v == null || !Double.isFinite(v)) {
                    continue;
                }
                double x = n > 1 ? LEFT + i * step : (W + LEFT - RIGHT) / 2.0;
                s.append(fmt("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s, %s %s: %s</title></circle>",
                        x, y(v, range), colour, esc(se.name()), esc(xAxis), esc(xLabels.get(i)), Fmt.num(v)));
            }
        }
        legend(s, series, colours, TOP + PLOT_H + 56);
        return s.append("</svg>").toString();
    }

    /**
     * A 95 % interval around one bar: {@code lo} to {@code hi}, drawn as a whisker; a null interval draws none.
     */
    public record Interval(double lo, double hi) {
    }

    /** Grouped bars: one group per label, one bar per series. */
    public static String bars(String id, String title, String description, List<String> groups, List<Series> series,
            double yMin, double yMax, List<String> colours) {
        return bars(id, title, description, groups, series, List.of(), yMin, yMax, colours);
    }

    /**
     * Grouped bars with interval whiskers: {@code intervals.get(k).get(g)} is the interval of series k in group g
     * (missing or null: no whisker). Whiskers are clipped to the plot's range.
     */
    public static String bars(String id, String title, String description, List<String> groups, List<Series> series,
            List<List<Interval>> intervals, double yMin, double yMax, List<String> colours) {
        double[] range = { yMin, yMax };
        int legendRows = (series.size() + 2) / 3;
        boolean slanted = groups.size() > 4;
        int labelSpace = slanted ? 84 : 40;
        int h = TOP + PLOT_H + labelSpace + 16 + legendRows * 18;
        StringBuilder s = open(id, title, description, h);
        axes(s, range, null);
        int n = Math.max(1, groups.size());
        double groupW = (double) (W - LEFT - RIGHT) / n;
        double barW = Math.min(28, groupW * 0.8 / Math.max(1, series.size()));
        for (int g = 0; g < groups.size(); g++) {
            double x0 = LEFT + g * groupW + (groupW - barW * series.size()) / 2;
            for (int k = 0; k < series.size(); k++) {
                Double v = g < series.get(k).values().size() ? series.get(k).values().get(g) : null;
                if (v == null || !Double.isFinite(v)) {
                    continue;
                }
                double top = y(Math.max(range[0], v), range);
                double base = y(range[0], range);
                Interval ci = interval(intervals, k, g);
                String ciText = ci == null ? "" : " [" + Fmt.num2(ci.lo()) + ", " + Fmt.num2(ci.hi()) + "]";
                s.append(fmt("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                        + "<title>%s — %s: %s%s</title></rect>", x0 + k * barW, top, barW - 1, Math.max(0, base - top),
                        colours.get(k % colours.size()), esc(groups.get(g)), esc(series.get(k).name()), Fmt.num2(v),
                        ciText));
                if (ci != null) {
                    whisker(s, x0 + k * barW + (barW - 1) / 2, ci, range, Math.max(2, (barW - 1) / 3));
                }
            }
            String label = groups.get(g);
            String shortLabel = label.length() > 16 ? label.substring(0, 15) + "…" : label;
            double cx = LEFT + g * groupW + groupW / 2;
            if (slanted) {
                s.append(fmt("<text x=\"%.1f\" y=\"%d\" text-anchor=\"end\" class=\"tick\" "
                        + "transform=\"rotate(-35 %.1f %d)\">%s</text>", cx, TOP + PLOT_H + 14, cx, TOP + PLOT_H + 14,
                        esc(shortLabel)));
            } else {
                s.append(fmt("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"tick\">%s</text>", cx,
                        TOP + PLOT_H + 16, esc(shortLabel)));
            }
        }
        legend(s, series, colours, TOP + PLOT_H + labelSpace + 16);
        return s.append("</svg>").toString();
    }

    private static Interval interval(List<List<Interval>> intervals, int k, int g) {
        if (k >= intervals.size() || intervals.get(k) == null || g >= intervals.get(k).size()) {
            return null;
        }
        Interval i = intervals.get(k).get(g);
        return i == null || !Double.isFinite(i.lo()) || !Double.isFinite(i.hi()) ? null : i;
    }

    /** A vertical line from lo to hi with a cap at each end, clipped to the plot. */
    private static void whisker(StringBuilder s, double x, Interval ci, double[] range, double halfCap) {
        double lo = Math.max(range[0], Math.min(range[1], Math.min(ci.lo(), ci.hi())));
        double hi = Math.max(range[0], Math.min(range[1], Math.max(ci.lo(), ci.hi())));
        double y1 = y(hi, range);
        double y2 = y(lo, range);
        s.append(fmt("<path class=\"whisker\" d=\"M%.1f %.1f V%.1f M%.1f %.1f H%.1f M%.1f %.1f H%.1f\" "
                + "stroke=\"#1d2330\" stroke-width=\"1.5\" fill=\"none\"/>", x, y1, y2, x - halfCap, y1, x + halfCap,
                x - halfCap, y2, x + halfCap));
    }

    private static StringBuilder open(String id, String title, String description, int h) {
        StringBuilder s = new StringBuilder();
        s.append(fmt("<svg class=\"chart\" id=\"%s\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"%s-t %s-d\" "
                + "xmlns=\"http://www.w3.org/2000/svg\">", esc(id), W, h, esc(id), esc(id)));
        s.append(fmt("<title id=\"%s-t\">%s</title><desc id=\"%s-d\">%s</desc>", esc(id), esc(title), esc(id),
                esc(description)));
        return s;
    }

    private static void axes(StringBuilder s, double[] range, String xAxis) {
        int ticks = 4;
        for (int i = 0; i <= ticks; i++) {
            double v = range[0] + (range[1] - range[0]) * i / ticks;
            double y = y(v, range);
            s.append(fmt("<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#d0d4da\" stroke-width=\"1\"/>",
                    LEFT, W - RIGHT, y, y));
            s.append(fmt("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" class=\"tick\">%s</text>", LEFT - 6, y + 4,
                    Fmt.num2(v)));
        }
        if (xAxis != null) {
            s.append(fmt("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"axis\">%s</text>", (W + LEFT) / 2,
                    TOP + PLOT_H + 32, esc(xAxis)));
        }
    }

    private static void legend(StringBuilder s, List<Series> series, List<String> colours, int y0) {
        if (series.size() < 2 && colours != COMPARISON) {
            return;
        }
        int colW = (W - LEFT) / 3;
        for (int k = 0; k < series.size(); k++) {
            int x = LEFT + (k % 3) * colW;
            int y = y0 + (k / 3) * 18;
            s.append(fmt("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", x, y - 10,
                    colours.get(k % colours.size())));
            s.append(fmt("<text x=\"%d\" y=\"%d\" class=\"legend\">%s</text>", x + 16, y, esc(series.get(k).name())));
        }
    }

    static double[] range(List<Series> series, Double yMin, Double yMax) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series se : series) {
            for (Double v : se.values()) {
                if (v != null && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!Double.isFinite(lo)) {
            lo = 0;
            hi = 1;
        }
        if (hi - lo < 1e-9) {
            lo -= 0.5;
            hi += 0.5;
        } else {
            double pad = (hi - lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        return new double[] { yMin != null ? yMin : lo, yMax != null ? yMax : hi };
    }

    private static double y(double v, double[] range) {
        return TOP + PLOT_H - (v - range[0]) / (range[1] - range[0]) * PLOT_H;
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }

    /** XML-escapes text for SVG content and attributes. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
