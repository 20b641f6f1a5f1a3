package io.picaco.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExportTextTest {

    @Test
    void fenceIsLongerThanAnyBacktickRunInside() {
        String text = "before ``` inside ````` more ` end";
        String block = ExportText.fence("text", text);
        assertTrue(block.startsWith("``````text\n"), block);
        assertTrue(block.endsWith("\n``````\n"), block);
        // nothing inside closes it: no line of the content is a fence of six or more backticks
        String inner = block.substring(block.indexOf('\n') + 1, block.lastIndexOf("``````"));
        assertFalse(inner.contains("``````"), inner);
        assertEquals("```text\nplain\n```\n", ExportText.fence("text", "plain"), "three at least");
        assertTrue(ExportText.fence("", "````````````").startsWith("`````````````\n"), "13 for a run of 12");
    }

    @Test
    void inlineMarkdownShowsHtmlAndMarkupLiterally() {
        assertEquals("&lt;img src=x onerror=alert\\(1\\)&gt;", ExportText.md("<img src=x onerror=alert(1)>"));
        assertEquals("a \\| b c", ExportText.md("a | b\nc"));
        assertEquals("\\*\\*bold\\*\\* \\_x\\_ \\`code\\` \\[l\\]\\(u\\) &amp;amp;", ExportText.md("**bold** _x_ `code` [l](u) &amp;"));
        assertEquals("", ExportText.md(null));
    }

    @Test
    void csvCellsNeverStartAFormula() {
        assertEquals("\"'=SUM(A1:A9)\"", ExportText.csv("=SUM(A1:A9)"));
        assertEquals("\"'+1\"", ExportText.csv("+1"));
        assertEquals("\"'-1+2\"", ExportText.csv("-1+2"));
        assertEquals("\"'@cmd\"", ExportText.csv("@cmd"));
        assertEquals("\"'\tx\"", ExportText.csv("\tx"));
        assertEquals("\"say \"\"hi\"\", then =1\"", ExportText.csv("say \"hi\", then =1"));
        assertEquals("-0.5", ExportText.csv(-0.5), "numbers we write are numbers");
        assertEquals("\"\"", ExportText.csv((String) null));
    }
}
