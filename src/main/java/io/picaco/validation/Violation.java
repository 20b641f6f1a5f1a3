package io.picaco.validation;

import io.picaco.auth.Secrets;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One rejected field: its JSON path (e.g. {@code values[2].definition}) and what is wrong with it. */
@RegisterForReflection
public record Violation(String field, String message) {
    /** Messages and field paths may quote the input (an endpoint name, a map key): never all of a huge one. */
    static final int MAX_MESSAGE = 300;
    static final int MAX_FIELD = 200;

    public Violation {
        field = shorten(field, MAX_FIELD);
        message = shorten(Secrets.redact(message), MAX_MESSAGE);
    }

    static String shorten(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
