package io.picaco.validation;

/** One rejected field: its JSON path (e.g. {@code values[2].definition}) and what is wrong with it. */
public record Violation(String field, String message) {
}
