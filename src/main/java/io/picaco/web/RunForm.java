package io.picaco.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.picaco.api.RunRequest;
import io.picaco.conductor.RunSpec;
import io.picaco.core.BuiltInCompositions;
import io.picaco.validation.Limits;
import io.picaco.validation.Violation;

/**
 * The new-run form as typed: every field as a string (so bad input can be shown again as it was), the custom value
 * rows, and the errors per field. Field names follow the API's violation paths ({@code values[1].definition},
 * {@code iterations}), so each violation lands next to its field. Binding to the API's request is
 * {@link FormRequest}'s job, placing violations {@link FormErrors}', prefilling from a run {@link FormPrefill}'s.
 */
public final class RunForm {
    public static final String BUILTIN = "builtin";
    public static final String CUSTOM = "custom";
    public static final String PASTE = "paste";
    public static final String FILE = "file";
    private static final Pattern ROW = Pattern.compile("values\\[(\\d+)]\\.(name|definition|weight)");
    private static final int MAX_ROWS = 16;
    /** Highest row index a posted field may name; rows are renumbered from 0 anyway. */
    private static final int MAX_ROW_INDEX = 99;
    /** Longest value any field may have before it is looked at; the pasted queries are the one long field. */
    static final int MAX_FIELD = 10_000;
    static final int MAX_QUERIES_FIELD = 1_000_000;

    private final Map<String, String> fields = new HashMap<>();
    private final List<ValueRow> rows = new ArrayList<>();
    private final FormErrors errors = new FormErrors();
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
        f.rows.add(ValueRow.EMPTY);
        f.rows.add(ValueRow.EMPTY);
        return f;
    }

    /** The form as posted; values[i].* fields become rows in index order. */
    public static RunForm of(Map<String, List<String>> params) {
        RunForm f = new RunForm();
        Map<Integer, ValueRow> rows = new TreeMap<>();
        params.forEach((k, vs) -> {
            String v = vs == null || vs.isEmpty() || vs.get(0) == null ? "" : vs.get(0);
            int cap = k.equals("queries") ? MAX_QUERIES_FIELD : MAX_FIELD;
            if (v.length() > cap) {
                f.fail(k.length() > 64 ? "form" : k, "is longer than " + cap + " characters");
                v = ""; // never shown again or parsed
            }
            Matcher m = ROW.matcher(k);
            if (!m.matches()) {
                f.fields.put(k, v);
                return;
            }
            // at most 3 digits: "values[99999999999].name" is a forged row, not an overflow
            int i = m.group(1).length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(m.group(1));
            if (i > MAX_ROW_INDEX) {
                f.fail("values", "row " + (m.group(1).length() > 3 ? m.group(1).substring(0, 3) + "…" : m.group(1))
                        + " is out of range (0 to " + MAX_ROW_INDEX + ")");
            } else {
                rows.put(i, rows.getOrDefault(i, ValueRow.EMPTY).with(m.group(2), v));
            }
        });
        f.rows.addAll(rows.values());
        f.fields.putIfAbsent("source", BUILTIN);
        f.fields.putIfAbsent("querySource", BUILTIN);
        f.fields.putIfAbsent("preset", "quick");
        if (f.rows.isEmpty()) {
            f.rows.add(ValueRow.EMPTY);
            f.rows.add(ValueRow.EMPTY);
        }
        return f;
    }

    /** The form prefilled from a stored run, for "new run with the same settings". */
    public static RunForm from(RunSpec spec, Limits limits) {
        return FormPrefill.from(spec, limits);
    }

    // ---- what the template reads

    public String value(String field) {
        return fields.getOrDefault(field, "");
    }

    public boolean is(String field, String v) {
        return Objects.equals(value(field), v);
    }

    public String error(String field) {
        return errors.error(field);
    }

    public boolean hasErrors() {
        return errors.any();
    }

    public List<Problem> problems() {
        return errors.problems();
    }

    public List<Row> rows() {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ValueRow r = rows.get(i);
            String p = "values[" + i + "].";
            out.add(new Row(i, r.name(), r.definition(), r.weight(), error(p + "name"), error(p + "definition"),
                    error(p + "weight")));
        }
        return out;
    }

    List<ValueRow> valueRows() {
        return List.copyOf(rows);
    }

    public boolean canAddRow() {
        return rows.size() < MAX_ROWS;
    }

    public static String id(String field) {
        return "f-" + field.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }

    /** The form as request parameters again (for a second, independent look at the same input). */
    public Map<String, List<String>> asParams() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(k, List.of(v)));
        for (int i = 0; i < rows.size(); i++) {
            out.put("values[" + i + "].name", List.of(rows.get(i).name()));
            out.put("values[" + i + "].definition", List.of(rows.get(i).definition()));
            out.put("values[" + i + "].weight", List.of(rows.get(i).weight()));
        }
        return out;
    }

    // ---- editing

    public void set(String field, String value) {
        fields.put(field, value);
    }

    void setRows(List<ValueRow> values) {
        rows.clear();
        rows.addAll(values);
        if (rows.isEmpty()) {
            rows.add(ValueRow.EMPTY);
        }
    }

    public void addRow() {
        if (canAddRow()) {
            rows.add(ValueRow.EMPTY);
        }
    }

    public void removeRow(int index) {
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
        if (rows.isEmpty()) {
            rows.add(ValueRow.EMPTY);
        }
    }

    public void fail(String field, String message) {
        errors.fail(field, message);
    }

    /** Places the API's violations next to the form fields they are about. */
    public void addViolations(List<Violation> violations) {
        errors.add(violations, sentRows, is("source", CUSTOM), is("querySource", BUILTIN));
    }

    // ---- to the API

    public RunRequest toRequest() {
        sentRows.clear();
        return FormRequest.of(this, sentRows);
    }

    static String slug(String name) {
        return FormRequest.slug(name);
    }
}
