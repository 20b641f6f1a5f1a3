package io.picaco.web;

/** A custom value row of the form as typed: name, definition and weight, each as text. */
public record ValueRow(String name, String definition, String weight) {
    public static final ValueRow EMPTY = new ValueRow("", "", "");

    public boolean blank() {
        return name.isBlank() && definition.isBlank() && weight.isBlank();
    }

    /** This row with one part ({@code name}, {@code definition} or {@code weight}) replaced. */
    ValueRow with(String part, String v) {
        return switch (part) {
            case "name" -> new ValueRow(v, definition, weight);
            case "definition" -> new ValueRow(name, v, weight);
            default -> new ValueRow(name, definition, v);
        };
    }
}
