package io.picaco.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.picaco.core.BuiltInCompositions;
import io.picaco.experiment.ExperimentRequest;
import io.picaco.validation.Violation;

/**
 * The new-experiment form as typed: single fields as strings, the three checkbox groups as lists, and the errors per
 * field (so bad input is shown again as it was, each error next to its field). Binding to the API's
 * {@link ExperimentRequest} fails on the form only what the API could not be told (text that is no number, nothing
 * ticked); every range and name is checked by the experiment planner, whose violations are placed here by field.
 */
public final class ExperimentForm {
    /** The single-value fields the form has. */
    static final List<String> FIELDS = List.of("name", "preset", "repeats", "iterations", "heldOut", "seed");
    /** The checkbox groups. */
    static final List<String> LISTS = List.of("compositions", "methods", "targets");
    /** Methods ticked on a blank form: the paper's comparison. */
    public static final List<String> DEFAULT_METHODS = List.of("q+if", "urial", "opro", "picaco");
    static final int MAX_FIELD = 10_000;
    /** Most entries a checkbox group may post before it is looked at (there are at most a few dozen boxes). */
    static final int MAX_TICKS = 50;
    private static final Pattern INDEXED = Pattern.compile("^(\\w+)\\[\\d+]$");

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, List<String>> lists = new LinkedHashMap<>();
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    private ExperimentForm() {
    }

    public static ExperimentForm blank() {
        ExperimentForm f = new ExperimentForm();
        f.lists.put("compositions", List.of(BuiltInCompositions.all().get(0).id()));
        f.lists.put("methods", DEFAULT_METHODS);
        f.lists.put("targets", List.of("target"));
        f.fields.put("preset", "quick");
        f.fields.put("repeats", "1");
        return f;
    }

    /** The form as posted. Unknown fields are ignored; over-long ones become an error and are never shown again. */
    public static ExperimentForm of(Map<String, List<String>> params) {
        ExperimentForm f = new ExperimentForm();
        LISTS.forEach(k -> f.lists.put(k, List.of()));
        params.forEach((k, vs) -> {
            List<String> values = vs == null ? List.of() : vs;
            if (LISTS.contains(k)) {
                if (values.size() > MAX_TICKS) {
                    f.fail(k, "has more than " + MAX_TICKS + " entries");
                    return;
                }
                Set<String> ticked = new LinkedHashSet<>();
                for (String v : values) {
                    if (v != null && v.length() > MAX_FIELD) {
                        f.fail(k, "has an entry longer than " + MAX_FIELD + " characters");
                        return;
                    }
                    if (v != null && !v.isBlank()) {
                        ticked.add(v.strip());
                    }
                }
                f.lists.put(k, List.copyOf(ticked));
            } else if (FIELDS.contains(k)) {
                String v = values.isEmpty() || values.get(0) == null ? "" : values.get(0);
                if (v.length() > MAX_FIELD) {
                    f.fail(k, "is longer than " + MAX_FIELD + " characters");
                    v = "";
                }
                f.fields.put(k, v);
            }
        });
        f.fields.putIfAbsent("preset", "quick");
        return f;
    }

    // ---- what the template reads

    public String value(String field) {
        return fields.getOrDefault(field, "");
    }

    public boolean is(String field, String v) {
        return value(field).equals(v);
    }

    public boolean has(String list, String v) {
        return lists.getOrDefault(list, List.of()).contains(v);
    }

    public List<String> list(String list) {
        return lists.getOrDefault(list, List.of());
    }

    public String error(String field) {
        List<String> e = errors.get(field);
        return e == null ? null : String.join("; ", e);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<RunForm.Problem> problems() {
        List<RunForm.Problem> out = new ArrayList<>();
        errors.forEach((field, msgs) -> msgs.forEach(m -> out.add(new RunForm.Problem(id(field),
                label(field) + ": " + m))));
        return out;
    }

    /** The element an error summary entry links to: the field, or the first box of a group. */
    static String id(String field) {
        return switch (field) {
            case "compositions", "methods", "targets", "grid" -> "g-" + field;
            default -> "f-" + field;
        };
    }

    static String label(String field) {
        return switch (field) {
            case "compositions" -> "Compositions";
            case "methods" -> "Methods";
            case "targets" -> "Targets";
            case "repeats" -> "Repeats";
            case "preset" -> "Preset";
            case "iterations" -> "Iterations";
            case "heldOut" -> "Held-out queries";
            case "seed" -> "Seed";
            case "name" -> "Name";
            case "grid" -> "Size of the grid";
            default -> "Form";
        };
    }

    // ---- errors

    public void fail(String field, String message) {
        errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
    }

    /**
     * Places the planner's violations next to the fields they are about ({@code methods[2]} → methods,
     * {@code evaluation.heldOut} → heldOut, the grid's size and estimate → grid). A field the form has already found
     * wrong keeps the form's own message, which knows what was typed.
     */
    public void addViolations(List<Violation> violations) {
        Set<String> own = new LinkedHashSet<>(errors.keySet());
        for (Violation v : violations) {
            String field = field(v.field());
            if (!own.contains(field)) {
                fail(field, v.message());
            }
        }
    }

    static String field(String violation) {
        String f = violation == null ? "" : violation;
        var m = INDEXED.matcher(f);
        if (m.matches()) {
            f = m.group(1);
        }
        return switch (f) {
            case "compositions", "methods", "targets", "repeats", "preset", "iterations", "seed", "name" -> f;
            case "evaluation.heldOut" -> "heldOut";
            case "grid", "estimate", "budget.maxCalls" -> "grid";
            default -> "form";
        };
    }

    // ---- to the API

    /** The API's request for what was typed; numbers that are no numbers and empty groups fail on the form. */
    public ExperimentRequest toRequest() {
        List<String> compositions = list("compositions");
        List<String> methods = list("methods");
        List<String> targets = list("targets");
        if (compositions.isEmpty()) {
            fail("compositions", "tick at least one composition");
        }
        if (methods.isEmpty()) {
            fail("methods", "tick at least one method");
        }
        if (targets.isEmpty()) {
            fail("targets", "tick at least one target");
        }
        Integer repeats = parseInt("repeats");
        Integer iterations = parseInt("iterations");
        Integer heldOut = parseInt("heldOut");
        Long seed = null;
        if (!value("seed").isBlank()) {
            try {
                seed = Long.parseLong(value("seed").strip());
            } catch (NumberFormatException e) {
                fail("seed", "must be a whole number (or empty for a random seed)");
            }
        }
        return new ExperimentRequest(blankToNull(value("name")), compositions.isEmpty() ? null : compositions, null,
                null, null, methods, targets.isEmpty() ? null : targets, repeats, seed,
                blankToNull(value("preset")), iterations, null, null, null, null, null, null, null, null,
                heldOut == null ? null : new ExperimentRequest.Evaluation(heldOut, null, null), null, null);
    }

    private Integer parseInt(String field) {
        String v = value(field).strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            fail(field, "must be a whole number");
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The form as request parameters again (for the estimate, an independent look at the same input). */
    public Map<String, List<String>> asParams() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(k, List.of(v)));
        out.putAll(lists);
        return out;
    }
}
