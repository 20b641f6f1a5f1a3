package io.picaco.steps;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.picaco.core.Value;
import io.picaco.validation.Bound;
import io.picaco.validation.Identified;
import io.picaco.validation.Within;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A value as step functions (and custom runs) receive it; weight defaults to 1. */
@RegisterForReflection(targets = {ValueInput.class, Value.class}) // core stays free of framework imports
public record ValueInput(
        @NotNull(message = SLUG) @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,63}", message = SLUG) String id,
        @NotBlank(message = "must not be empty") @Within(Bound.VALUE_NAME) String name,
        @NotBlank(message = "must not be empty") @Within(Bound.VALUE_DEFINITION) String definition,
        @Within(Bound.WEIGHT) Double weight) implements Identified {

    static final String SLUG = "must be a slug: lowercase letters, digits, '-' or '_', at most 64 characters";

    public Value toValue() {
        return new Value(id, name, definition, weight == null ? 1.0 : weight);
    }

    public static ValueInput of(Value v) {
        return new ValueInput(v.id(), v.name(), v.definition(), v.weight());
    }
}
