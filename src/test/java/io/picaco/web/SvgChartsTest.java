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
}
