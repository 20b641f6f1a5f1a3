package io.picaco.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SvgChartsTest {
    @Test
    void lineChartHasTextAlternativesAndOnePathPerSeries() {
        String svg = SvgCharts.lines("c1", "Ĵ per iteration", "desc", List.of("0", "1", "2"),
                List.of(new SvgCharts.Series("a", List.of(1.0, 2.0, 3.0)),
                        new SvgCharts.Series("b", Arrays.asList(2.0, null, 2.5))),
                1.0, 5.0, "iteration", SvgCharts.PALETTE);
        assertTrue(svg.startsWith("<svg class=\"chart\" id=\"c1\""));
        assertTrue(svg.contains("role=\"img\""));
        assertTrue(svg.contains("<title id=\"c1-t\">Ĵ per iteration</title>"));
        assertEquals(2, svg.split("<path ").length - 1);
        assertEquals(5, svg.split("<circle ").length - 1, "no point for a missing value");
        assertTrue(svg.endsWith("</svg>"));
    }

    @Test
    void userTextIsEscaped() {
        String svg = SvgCharts.bars("c2", "t", "d", List.of("<script>alert(1)</script>"),
                List.of(new SvgCharts.Series("x\" onload=\"alert(1)", List.of(3.0))), 1, 5, SvgCharts.COMPARISON);
        assertFalse(svg.contains("<script>"));
        assertFalse(svg.contains("\" onload="));
        assertTrue(svg.contains("&lt;script&gt;") || svg.contains("&lt;script&gt;alert"), svg);
        assertTrue(svg.contains("x&quot; onload=&quot;alert(1)"));
    }

    @Test
    void flatDataGetsARange() {
        double[] r = SvgCharts.range(List.of(new SvgCharts.Series("a", List.of(2.0, 2.0))), null, null);
        assertTrue(r[0] < 2 && r[1] > 2);
    }

    @Test
    void groupedBarsDrawAWhiskerPerIntervalAndStateItInTheTooltip() {
        String svg = SvgCharts.bars("cell-0", "Mean rating per method", "desc", List.of("Mean", "Lowest value", "Care"),
                List.of(new SvgCharts.Series("q+if", List.of(3.2, 2.9, 3.5)),
                        new SvgCharts.Series("picaco", Arrays.asList(3.8, 3.4, null))),
                List.of(List.of(new SvgCharts.Interval(3.0, 3.4), new SvgCharts.Interval(2.7, 3.1)),
                        Arrays.asList(new SvgCharts.Interval(3.6, 9.0), null)),
                1, 5, SvgCharts.PALETTE);
        assertTrue(svg.contains("role=\"img\""));
        assertTrue(svg.contains("<title id=\"cell-0-t\">Mean rating per method</title>"));
        assertTrue(svg.contains("<desc id=\"cell-0-d\">desc</desc>"));
        assertEquals(5, svg.split("</title></rect>").length - 1,
                "one bar per figure, none for a missing one");
        assertEquals(3, svg.split("class=\"whisker\"").length - 1, "a whisker where an interval is known");
        assertTrue(svg.contains("<title>Mean — q+if: 3.20 [3.00, 3.40]</title>"), svg);
        assertTrue(svg.contains("<title>Lowest value — picaco: 3.40</title>"), "no interval, none stated");
        // an interval beyond the scale is clipped to the plot: no coordinate above its top (y = 16)
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("class=\"whisker\" d=\"M[0-9.]+ ([0-9.-]+) ")
                .matcher(svg);
        while (m.find()) {
            assertTrue(Double.parseDouble(m.group(1)) >= 16.0, m.group());
        }
        assertTrue(svg.contains(">picaco</text>"), "a legend names the methods");
    }

    @Test
    void plainBarsHaveNoWhiskers() {
        String svg = SvgCharts.bars("c3", "t", "d", List.of("a"), List.of(new SvgCharts.Series("x", List.of(3.0))),
                1, 5, SvgCharts.COMPARISON);
        assertFalse(svg.contains("whisker"));
    }
}
