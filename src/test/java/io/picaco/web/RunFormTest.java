package io.picaco.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.picaco.api.RunRequest;
import io.picaco.validation.Violation;

class RunFormTest {
    static Map<String, List<String>> params(String... kv) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], List.of(kv[i + 1]));
        }
        return m;
    }

    @Test
    void customValuesSkipBlankRowsAndViolationsLandOnTheFormRow() {
        RunForm form = RunForm.of(params("source", "custom",
                "values[0].name", "Thrift", "values[0].definition", "Spending little.",
                "values[1].name", "", "values[1].definition", "",
                "values[2].name", "Self-direction", "values[2].definition", "", "values[2].weight", "2",
                "querySource", "paste", "queries", "a\n\n b \nc\nd\n", "seed", "42"));
        RunRequest r = form.toRequest();
        assertNull(r.composition());
        assertEquals(2, r.values().size());
        assertEquals("self-direction", r.values().get(1).id());
        assertEquals(2.0, r.values().get(1).weight());
        assertEquals(List.of("a", "b", "c", "d"), r.queries());
        assertEquals(42L, r.seed());
        form.addViolations(List.of(new Violation("values[1].definition", "must not be empty"),
                new Violation("queries[2]", "must not be empty")));
        assertEquals("must not be empty", form.error("values[2].definition"));
        assertEquals("query 3 must not be empty", form.error("queries"));
    }

    @Test
    void unparsableNumbersAreFieldErrorsAndKeepTheText() {
        RunForm form = RunForm.of(params("source", "builtin", "composition", "schwartz-10", "iterations", "ten",
                "beta", "1,5"));
        RunRequest r = form.toRequest();
        assertNull(r.iterations());
        assertEquals("must be a whole number", form.error("iterations"));
        assertEquals("must be a number", form.error("beta"));
        assertEquals("ten", form.value("iterations"));
        assertTrue(form.problems().stream().anyMatch(p -> p.id().equals("f-iterations")));
    }

    @Test
    void queriesViolationOnBuiltInSourceGoesToTheSetSelect() {
        RunForm form = RunForm.of(params("source", "custom", "querySource", "builtin"));
        form.addViolations(List.of(new Violation("queries", "custom values need queries (or a built-in querySet)")));
        assertTrue(form.error("querySet").startsWith("your own values have no query set of their own"));
    }

    @Test
    void slugs() {
        assertEquals("self-direction", RunForm.slug("Self-Direction"));
        assertEquals("cafe-culture", RunForm.slug("Café culture!"));
        assertNull(RunForm.slug("¿?"));
    }
}
