package io.picaco.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.picaco.api.RunRequest;
import io.picaco.conductor.RunSpec;
import io.picaco.core.BuiltInCompositions;
import io.picaco.core.Composition;
import io.picaco.core.Preset;
import io.picaco.core.QuerySets;
import io.picaco.core.SeedInstruction;
import io.picaco.core.Value;
import io.picaco.steps.ValueInput;
import io.picaco.validation.Violation;

/**
 * The new-run form as typed: every field as a string (so bad input can be shown again as it was), the custom value
 * rows, and the errors per field. Field names follow the API's violation paths ({@code values[1].definition},
 * {@code iterations}), so each violation lands next to its field.
 */
public final class RunForm {
    public static final String BUILTIN = "builtin";
    public static final String CUSTOM = "custom";
    public static final String PASTE = "paste";
    public static final String FILE = "file";
    static final List<String> INTS = List.of("iterations", "candidates", "samples", "evalSamples", "alignedPoolSize",
            "noisyPoolSize", "maxLength");
    static final List<String> DOUBLES = List.of("beta", "heldOut");
    private static final Pattern ROW = Pattern.compile("values\\[(\\d+)]\\.(name|definition|weight)");
    private static final Pattern VIOLATION_ROW = Pattern.compile("values\\[(\\d{1,3})]\\.(\\w+)");
    private static final Pattern QUERY = Pattern.compile("queries\\[(\\d{1,9})]");
    private static final int MAX_ROWS = 16;
    /** Highest row index a posted field may name; rows are renumbered from 0 anyway. */
    private static final int MAX_ROW_INDEX = 99;
    /** Longest value any field may have before it is looked at; the pasted queries are the one long field. */
    static final int MAX_FIELD = 10_000;
    static final int MAX_QUERIES_FIELD = 1_000_000;

    private final Map<String, String> fields = new HashMap<>();
    private final List<String[]> rows = new ArrayList<>();
    private final Map<String, List<String>> errors = new LinkedHashMap<>();
    /** Which form row each entry of the request's {@code values} came from. */
    private final List<Integer> sentRows = new ArrayList<>();

    /** A custom value row as the template shows it. */
    public record Row(int index, String name, String definition, String weight, String nameError,
            String definitionError, String weightError) {
        public int number() {
            return index + 1;
        }
    }

    /** An error for the summary at the top of the form: the field's element id, its label and the message. */
    public record Problem(String id, String message) {
    }

    private RunForm() {
    }

    public static RunForm blank() {
        RunForm f = new RunForm();
        f.fields.put("source", BUILTIN);
        f.fields.put("composition", BuiltInCompositions.all().get(0).id());
        f.fields.put("querySource", BUILTIN);
        f.fields.put("preset", "quick");
        f.fields.put("judgeMode", "joint");
        f.rows.add(new String[] { "", "", "" });
        f.rows.add(new String[] { "", "", "" });
        return f;
    }

    /** The form as posted; values[i].* fields become rows in index order. */
    public static RunForm of(Map<String, List<String>> params) {
        RunForm f = new RunForm();
        Map<Integer, String[]> rows = new java.util.TreeMap<>();
        params.forEach((k, vs) -> {
            String v = vs == null || vs.isEmpty() || vs.get(0) == null ? "" : vs.get(0);
            int cap = k.equals("queries") ? MAX_QUERIES_FIELD : MAX_FIELD;
            if (v.length() > cap) {
                f.fail(k.length() > 64 ? "form" : k, "is longer than " + cap + " characters");
                v = ""; // never shown again or parsed
            }
            Matcher m = ROW.matcher(k);
            if (m.matches()) {
                // at most 3 digits: "values[99999999999].name" is a forged row, not an overflow
                int i = m.group(1).length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(m.group(1));
                if (i > MAX_ROW_INDEX) {
                    f.fail("values", "row " + (m.group(1).length() > 3 ? m.group(1).substring(0, 3) + "…"
                            : m.group(1)) + " is out of range (0 to " + MAX_ROW_INDEX + ")");
                } else {
                    String[] row = rows.computeIfAbsent(i, x -> new String[] { "", "", "" });
                    row[switch (m.group(2)) {
                        case "name" -> 0;
                        case "definition" -> 1;
                        default -> 2;
                    }] = v;
                }
            } else {
                f.fields.put(k, v);
            }
        });
        f.rows.addAll(rows.values());
        f.fields.putIfAbsent("source", BUILTIN);
        f.fields.putIfAbsent("querySource", BUILTIN);
        f.fields.putIfAbsent("preset", "quick");
        if (f.rows.isEmpty()) {
            f.rows.add(new String[] { "", "", "" });
            f.rows.add(new String[] { "", "", "" });
        }
        return f;
    }

    /** The form prefilled from a stored run, for "new run with the same settings". */
    public static RunForm from(RunSpec spec) {
        RunForm f = blank();
        f.fields.put("name", spec.name());
        Composition c = spec.composition() == null ? null : BuiltInCompositions.find(spec.composition()).orElse(null);
        if (c != null) {
            f.fields.put("source", BUILTIN);
            f.fields.put("composition", c.id());
        } else {
            f.fields.put("source", CUSTOM);
            f.rows.clear();
            for (Value v : spec.values()) {
                f.rows.add(new String[] { v.name(), v.definition(), weight(v.weight()) });
            }
        }
        List<String> all = new ArrayList<>(spec.training());
        all.addAll(spec.heldOut());
        String builtInSet = null;
        for (String set : List.of(BuiltInCompositions.SCHWARTZ_QUERIES, BuiltInCompositions.HH_QUERIES)) {
            if (QuerySets.load(set).containsAll(all)) {
                builtInSet = set;
            }
        }
        Preset preset = Preset.fromName(spec.preset());
        f.fields.put("preset", preset.name().toLowerCase(Locale.ROOT));
        if (builtInSet != null) {
            f.fields.put("querySource", BUILTIN);
            f.fields.put("querySet", c != null && c.querySet().equals(builtInSet) ? "" : builtInSet);
        } else {
            f.fields.put("querySource", PASTE);
            f.fields.put("queries", String.join("\n", all));
            f.fields.put("heldOut", Integer.toString(spec.heldOut().size()));
        }
        putIfNot(f, "iterations", spec.iterations(), preset.iterations);
        putIfNot(f, "candidates", spec.candidates(), preset.candidates);
        putIfNot(f, "samples", spec.samples(), preset.samples);
        putIfNot(f, "evalSamples", spec.evalSamples(), 2);
        putIfNot(f, "alignedPoolSize", spec.alignedPoolSize(), preset.alignedPoolSize);
        putIfNot(f, "noisyPoolSize", spec.noisyPoolSize(), preset.noisyPoolSize);
        putIfNot(f, "maxLength", spec.maxLength(), 1500);
        if (spec.beta() != preset.beta) {
            f.fields.put("beta", weight(spec.beta()));
        }
        f.fields.put("judgeMode", spec.judgeMode());
        f.fields.put("seed", Long.toString(spec.seed()));
        if (!spec.seedInstruction().equals(SeedInstruction.forValues(spec.values()))) {
            f.fields.put("seedInstruction", spec.seedInstruction());
        }
        return f;
    }

    private static void putIfNot(RunForm f, String field, int value, int preset) {
        if (value != preset) {
            f.fields.put(field, Integer.toString(value));
        }
    }

    private static String weight(double w) {
        return w == Math.rint(w) ? Long.toString((long) w) : Double.toString(w);
    }

    // ---- what the template reads

    public String value(String field) {
        return fields.getOrDefault(field, "");
    }

    public boolean is(String field, String v) {
        return Objects.equals(value(field), v);
    }

    public String error(String field) {
        List<String> e = errors.get(field);
        return e == null ? null : String.join("; ", e);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        errors.forEach((field, msgs) -> msgs.forEach(m -> out.add(new Problem(id(field), label(field) + ": " + m))));
        return out;
    }

    public List<Row> rows() {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            String p = "values[" + i + "].";
            out.add(new Row(i, r[0], r[1], r[2], error(p + "name"), error(p + "definition"), error(p + "weight")));
        }
        return out;
    }

    public boolean canAddRow() {
        return rows.size() < MAX_ROWS;
    }

    public static String id(String field) {
        return "f-" + field.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }

    static String label(String field) {
        Matcher m = VIOLATION_ROW.matcher(field);
        if (m.matches()) {
            return "Value " + (Integer.parseInt(m.group(1)) + 1) + " " + m.group(2);
        }
        return switch (field) {
            case "querySet", "queries" -> "Queries";
            case "queriesFile" -> "Query file";
            case "values" -> "Custom values";
            case "seedInstruction" -> "Seed instruction";
            case "evalSamples" -> "Evaluation samples";
            case "alignedPoolSize" -> "Aligned pool M1";
            case "noisyPoolSize" -> "Noisy pool M2";
            case "heldOut" -> "Held-out queries";
            case "maxLength" -> "Maximum instruction length";
            case "judgeMode" -> "Judge mode";
            default -> field.isEmpty() ? "Form" : field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1);
        };
    }

    /** The form as request parameters again (for a second, independent look at the same input). */
    public Map<String, List<String>> asParams() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(k, List.of(v)));
        for (int i = 0; i < rows.size(); i++) {
            out.put("values[" + i + "].name", List.of(rows.get(i)[0]));
            out.put("values[" + i + "].definition", List.of(rows.get(i)[1]));
            out.put("values[" + i + "].weight", List.of(rows.get(i)[2]));
        }
        return out;
    }

    // ---- editing

    public void set(String field, String value) {
        fields.put(field, value);
    }

    public void addRow() {
        if (canAddRow()) {
            rows.add(new String[] { "", "", "" });
        }
    }

    public void removeRow(int index) {
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
        if (rows.isEmpty()) {
            rows.add(new String[] { "", "", "" });
        }
    }

    public void fail(String field, String message) {
        errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
    }

    /** Places the API's violations next to the form fields they are about. */
    public void addViolations(List<Violation> violations) {
        for (Violation v : violations) {
            String field = v.field();
            String message = v.message();
            Matcher row = VIOLATION_ROW.matcher(field);
            Matcher query = QUERY.matcher(field);
            if (row.matches()) {
                int k = Integer.parseInt(row.group(1));
                int formRow = k < sentRows.size() ? sentRows.get(k) : k;
                String part = row.group(2).equals("id") ? "name" : row.group(2);
                if (row.group(2).equals("id")) {
                    message = message.startsWith("duplicate") ? "another value has the same name"
                            : "needs letters or digits: the value's id is made from its name";
                }
                field = "values[" + formRow + "]." + part;
            } else if (query.matches()) {
                message = "query " + (Integer.parseInt(query.group(1)) + 1) + " " + message;
                field = "queries";
            }
            if (field.equals("queries") && is("querySource", BUILTIN)) {
                field = "querySet";
                if (message.startsWith("custom values need queries")) {
                    message = "your own values have no query set of their own: choose hh or schwartz, paste queries "
                            + "or upload a file";
                }
            }
            if (field.equals("composition") && is("source", CUSTOM)) {
                field = "values";
            }
            fail(field, message);
        }
    }

    // ---- to the API

    public RunRequest toRequest() {
        sentRows.clear();
        String composition = null;
        List<ValueInput> values = null;
        if (is("source", CUSTOM)) {
            values = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                String[] r = rows.get(i);
                if (r[0].isBlank() && r[1].isBlank() && r[2].isBlank()) {
                    continue;
                }
                Double w = parseDouble("values[" + i + "].weight", r[2]);
                sentRows.add(i);
                values.add(new ValueInput(slug(r[0]), blankToNull(r[0]), blankToNull(r[1]), w));
            }
        } else {
            composition = blankToNull(value("composition"));
            if (composition == null) {
                fail("composition", "choose a composition");
            }
        }
        List<String> queries = null;
        String querySet = null;
        if (is("querySource", PASTE) || is("querySource", FILE)) {
            queries = value("queries").lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (queries.isEmpty() && !errors.containsKey("queriesFile")) {
                fail(is("querySource", FILE) ? "queriesFile" : "queries", "give at least 4 queries, one per line");
            }
        } else {
            querySet = blankToNull(value("querySet"));
        }
        Map<String, Integer> ints = new HashMap<>();
        INTS.forEach(k -> ints.put(k, parseInt(k)));
        Long seed = null;
        if (!value("seed").isBlank()) {
            try {
                seed = Long.parseLong(value("seed").strip());
            } catch (NumberFormatException e) {
                fail("seed", "must be a whole number (or empty for a random seed)");
            }
        }
        RunRequest.Models models = new RunRequest.Models(blankToNull(value("models.target")),
                blankToNull(value("models.optimizer")), blankToNull(value("models.judge")),
                blankToNull(value("models.evaluator")));
        return new RunRequest(blankToNull(value("name")), composition, values, queries, querySet,
                blankToNull(value("preset")), ints.get("iterations"), ints.get("candidates"), ints.get("samples"),
                ints.get("evalSamples"), ints.get("alignedPoolSize"), ints.get("noisyPoolSize"),
                parseDouble("beta", value("beta")), parseDouble("heldOut", value("heldOut")), seed,
                blankToNull(value("seedInstruction")), blankToNull(value("judgeMode")), ints.get("maxLength"),
                models, null);
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
            fail(field, "must be a number");
            return null;
        }
    }

    static String slug(String name) {
        String s = java.text.Normalizer.normalize(name == null ? "" : name, java.text.Normalizer.Form.NFKD)
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 64) {
            s = s.substring(0, 64);
        }
        return s.isEmpty() ? null : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
