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
        RunForm form = RunForm.of(params("source", "custom", "values[0].name", "A", "values[0].definition", "a.",
                "querySource", "builtin"));
        form.toRequest();
        // the form's own finding, in its words; the API's violation on the same field does not repeat it
        form.addViolations(List.of(new Violation("queries", "custom values need queries (or a built-in querySet)")));
        assertEquals("your own values have no query set of their own: choose hh or schwartz, paste queries or "
                + "upload a file", form.error("querySet"));
        // on a form the API's violation of queries lands on the set select
        RunForm other = RunForm.of(params("source", "builtin", "querySource", "builtin"));
        other.addViolations(List.of(new Violation("queries", "must have between 4 and 2000 entries")));
        assertEquals("must have between 4 and 2000 entries", other.error("querySet"));
    }

    @Test
    void valueNamesTheApiCannotMakeAnIdOfAreTheFormsOwnErrors() {
        RunForm form = RunForm.of(params("source", "custom", "values[0].name", "¿?", "values[0].definition", "a.",
                "values[1].name", "Care", "values[1].definition", "b.", "values[2].name", "care!",
                "values[2].definition", "c.", "querySource", "paste", "queries", "a\nb\nc\nd"));
        RunRequest r = form.toRequest();
        form.addViolations(List.of(new Violation("values[0].id", "must be a slug"),
                new Violation("values[2].id", "duplicate value id 'care'")));
        assertEquals("needs letters or digits: the value's id is made from its name", form.error("values[0].name"));
        assertEquals("another value has the same name", form.error("values[2].name"));
        assertNull(form.error("values[1].name"));
        assertEquals(3, r.values().size());
        // an id violation lands on the name when the form has nothing to say itself
        RunForm plain = RunForm.of(params("source", "custom", "values[0].name", "A", "values[0].definition", "a."));
        plain.toRequest();
        plain.addViolations(List.of(new Violation("values[0].id", "must be a slug")));
        assertEquals("must be a slug", plain.error("values[0].name"));
    }

    @Test
    void slugs() {
        assertEquals("self-direction", RunForm.slug("Self-Direction"));
        assertEquals("cafe-culture", RunForm.slug("Café culture!"));
        assertNull(RunForm.slug("¿?"));
    }
}
