package io.picaco.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.picaco.experiment.ExperimentRequest;
import io.picaco.validation.Violation;

class ExperimentFormTest {
    static Map<String, List<String>> params(Object... kv) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            @SuppressWarnings("unchecked")
            List<String> vs = v instanceof List<?> l ? (List<String>) l : List.of((String) v);
            m.put((String) kv[i], vs);
        }
        return m;
    }

    @Test
    void ticksAndNumbersBecomeTheApisRequest() {
        ExperimentForm form = ExperimentForm.of(params("compositions", List.of("harmlessness-4", "hh-balance-8"),
                "methods", List.of("q+if", "picaco", "picaco"), "targets", List.of("target"), "repeats", " 2 ",
                "preset", "quick", "iterations", "1", "heldOut", "8", "seed", "7", "name", "", "op", "start"));
        ExperimentRequest r = form.toRequest();
        assertEquals(List.of("harmlessness-4", "hh-balance-8"), r.compositions());
        assertEquals(List.of("q+if", "picaco"), r.methods(), "a box posted twice counts once");
        assertEquals(2, r.repeats());
        assertEquals(1, r.iterations());
        assertEquals(8, r.evaluation().heldOut());
        assertEquals(7L, r.seed());
        assertNull(r.name());
        assertTrue(!form.hasErrors(), form.problems().toString());
    }

    @Test
    void nothingTickedAndTextForNumbersAreTheFormsOwnErrorsAndKeepWhatWasTyped() {
        ExperimentForm form = ExperimentForm.of(params("repeats", "three", "seed", "x1", "preset", "quick"));
        form.toRequest();
        assertEquals("tick at least one composition", form.error("compositions"));
        assertEquals("tick at least one method", form.error("methods"));
        assertEquals("tick at least one target", form.error("targets"));
        assertEquals("must be a whole number", form.error("repeats"));
        assertEquals("three", form.value("repeats"));
        assertTrue(form.problems().stream().anyMatch(p -> p.id().equals("g-methods")
                && p.message().startsWith("Methods: ")));
        // the API's violation on a field the form already found wrong does not repeat it
        form.addViolations(List.of(new Violation("methods", "must list at least one method")));
        assertEquals("tick at least one method", form.error("methods"));
    }

    @Test
    void violationsLandOnTheirFields() {
        ExperimentForm form = ExperimentForm.of(params("compositions", List.of("nope"), "methods", List.of("picaco")));
        form.addViolations(List.of(new Violation("compositions[0]", "unknown composition 'nope'"),
                new Violation("evaluation.heldOut", "must be between 2 and 200"),
                new Violation("repeats", "must be between 1 and 10"),
                new Violation("estimate", "this experiment is estimated at 9 calls"),
                new Violation("candidates", "odd")));
        assertEquals("unknown composition 'nope'", form.error("compositions"));
        assertEquals("must be between 2 and 200", form.error("heldOut"));
        assertEquals("must be between 1 and 10", form.error("repeats"));
        assertEquals("this experiment is estimated at 9 calls", form.error("grid"));
        assertEquals("odd", form.error("form"));
    }

    @Test
    void overLongFieldsAreRefusedAndNotKept() {
        ExperimentForm form = ExperimentForm.of(params("name", "x".repeat(ExperimentForm.MAX_FIELD + 1)));
        assertEquals("", form.value("name"));
        assertTrue(form.error("name").startsWith("is longer than"));
    }
}
