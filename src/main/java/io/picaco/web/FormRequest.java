package io.picaco.web;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.picaco.api.RunRequest;
import io.picaco.llm.JudgeMode;
import io.picaco.steps.ValueInput;

/**
 * The form as the API's request. Fails on the form what the API could not be told in its own terms: text that is
 * no number, a value name with no letters to make an id of, two names making the same id, custom values with a
 * built-in query source but no set. Every range is left to the API's rules, so the form and the API agree.
 */
final class FormRequest {
    static final List<String> INTS = List.of("iterations", "candidates", "samples", "evalSamples", "alignedPoolSize",
            "noisyPoolSize", "maxLength");

    private final RunForm form;

    private FormRequest(RunForm form) {
        this.form = form;
    }

    /** The request; {@code sentRows} receives the form row of each entry of the request's values. */
    static RunRequest of(RunForm form, List<Integer> sentRows) {
        return new FormRequest(form).build(sentRows);
    }

    private RunRequest build(List<Integer> sentRows) {
        String composition = null;
        List<ValueInput> values = null;
        if (form.is("source", RunForm.CUSTOM)) {
            values = values(sentRows);
        } else {
            composition = blankToNull(form.value("composition"));
            if (composition == null) {
                form.fail("composition", "choose a composition");
            }
        }
        List<String> queries = null;
        String querySet = null;
        if (form.is("querySource", RunForm.PASTE) || form.is("querySource", RunForm.FILE)) {
            queries = form.value("queries").lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (queries.isEmpty() && form.error("queriesFile") == null) {
                form.fail(form.is("querySource", RunForm.FILE) ? "queriesFile" : "queries",
                        "give at least 4 queries, one per line");
            }
        } else {
            querySet = blankToNull(form.value("querySet"));
            if (values != null && querySet == null) {
                form.fail("querySet", "your own values have no query set of their own: choose hh or schwartz, paste "
                        + "queries or upload a file");
            }
        }
        Map<String, Integer> ints = new HashMap<>();
        INTS.forEach(k -> ints.put(k, parseInt(k)));
        Long seed = null;
        if (!form.value("seed").isBlank()) {
            try {
                seed = Long.parseLong(form.value("seed").strip());
            } catch (NumberFormatException e) {
                form.fail("seed", "must be a whole number (or empty for a random seed)");
            }
        }
        JudgeMode judgeMode = null;
        if (!form.value("judgeMode").isBlank()) {
            try {
                judgeMode = JudgeMode.of(form.value("judgeMode"));
            } catch (IllegalArgumentException e) {
                form.fail("judgeMode", e.getMessage());
            }
        }
        RunRequest.Models models = new RunRequest.Models(blankToNull(form.value("models.target")),
                blankToNull(form.value("models.optimizer")), blankToNull(form.value("models.judge")),
                blankToNull(form.value("models.evaluator")));
        return new RunRequest(blankToNull(form.value("name")), composition, values, queries, querySet,
                blankToNull(form.value("preset")), ints.get("iterations"), ints.get("candidates"), ints.get("samples"),
                ints.get("evalSamples"), ints.get("alignedPoolSize"), ints.get("noisyPoolSize"),
                parseDouble("beta", form.value("beta")), parseDouble("heldOut", form.value("heldOut")), seed,
                blankToNull(form.value("seedInstruction")), judgeMode, ints.get("maxLength"), models, null,
                blankToNull(form.value("method")), null);
    }

    /** The non-blank rows as values, their ids made from their names. */
    private List<ValueInput> values(List<Integer> sentRows) {
        List<ValueInput> values = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<ValueRow> rows = form.valueRows();
        for (int i = 0; i < rows.size(); i++) {
            ValueRow r = rows.get(i);
            if (r.blank()) {
                continue;
            }
            String field = "values[" + i + "].";
            Double w = parseDouble(field + "weight", r.weight());
            String id = slug(r.name());
            if (id == null && !r.name().isBlank()) {
                form.fail(field + "name", "needs letters or digits: the value's id is made from its name");
            } else if (id != null && !ids.add(id)) {
                form.fail(field + "name", "another value has the same name");
            }
            sentRows.add(i);
            values.add(new ValueInput(id, blankToNull(r.name()), blankToNull(r.definition()), w));
        }
        return values;
    }

    private Integer parseInt(String field) {
        String v = form.value(field).strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            form.fail(field, "must be a whole number");
            return null;
        }
    }

    private Double parseDouble(String field, String raw) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            form.fail(field, "must be a number");
            return null;
        }
    }

    static String slug(String name) {
        String s = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 64) {
            s = s.substring(0, 64);
        }
        return s.isEmpty() ? null : s;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
