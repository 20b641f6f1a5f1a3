package io.picaco.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.picaco.validation.Violation;

/**
 * The form's errors per field, and where each of the API's violations goes on the form. A violation is placed by
 * its field path alone, never by its wording; a field the form has already found wrong itself keeps the form's
 * message (it knows what was typed: a value's name, where the API sees the id made from it).
 */
final class FormErrors {
    private static final Pattern VIOLATION_ROW = Pattern.compile("values\\[(\\d{1,3})]\\.(\\w+)");
    private static final Pattern QUERY = Pattern.compile("queries\\[(\\d{1,9})]");

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    void fail(String field, String message) {
        errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
    }

    boolean has(String field) {
        return errors.containsKey(field);
    }

    boolean any() {
        return !errors.isEmpty();
    }

    String error(String field) {
        List<String> e = errors.get(field);
        return e == null ? null : String.join("; ", e);
    }

    List<RunForm.Problem> problems() {
        List<RunForm.Problem> out = new ArrayList<>();
        errors.forEach((field, msgs) -> msgs.forEach(m -> out.add(new RunForm.Problem(RunForm.id(field),
                label(field) + ": " + m))));
        return out;
    }

    /**
     * Places the API's violations next to the form fields they are about. {@code sentRows} maps each entry of the
     * request's {@code values} to its form row (blank rows are not sent).
     */
    void add(List<Violation> violations, List<Integer> sentRows, boolean customValues, boolean builtInQueries) {
        Set<String> own = new HashSet<>(errors.keySet());
        Set<String> named = new HashSet<>();
        violations.forEach(v -> named.add(v.field()));
        for (Violation v : violations) {
            String field = v.field();
            String message = v.message();
            Matcher row = VIOLATION_ROW.matcher(field);
            Matcher query = QUERY.matcher(field);
            if (row.matches()) {
                int k = Integer.parseInt(row.group(1));
                int formRow = k < sentRows.size() ? sentRows.get(k) : k;
                if (row.group(2).equals("id")) {
                    // the id is made from the name: a problem of the name, unless the name has its own already
                    if (named.contains("values[" + k + "].name")) {
                        continue;
                    }
                    field = "values[" + formRow + "].name";
                } else {
                    field = "values[" + formRow + "]." + row.group(2);
                }
            } else if (query.matches()) {
                message = "query " + (Integer.parseInt(query.group(1)) + 1) + " " + message;
                field = "queries";
            }
            if (field.equals("queries") && builtInQueries) {
                field = "querySet";
            }
            if (field.equals("composition") && customValues) {
                field = "values";
            }
            if (!own.contains(field)) {
                fail(field, message);
            }
        }
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
}
