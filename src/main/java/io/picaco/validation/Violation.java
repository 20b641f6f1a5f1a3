package io.picaco.validation;

import io.picaco.auth.Secrets;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One rejected field: its JSON path (e.g. {@code values[2].definition}) and what is wrong with it. */
@RegisterForReflection
public record Violation(String field, String message) {
    public Violation {
        message = Secrets.redact(message); // messages may quote the input, e.g. an endpoint name
    }
}
