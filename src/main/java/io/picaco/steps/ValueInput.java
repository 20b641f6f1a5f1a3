package io.picaco.steps;

import io.picaco.core.Value;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A value as step functions receive it; weight defaults to 1. */
@RegisterForReflection(targets = {ValueInput.class, Value.class}) // core stays free of framework imports
public record ValueInput(String id, String name, String definition, Double weight) {
    public Value toValue() {
        return new Value(id, name, definition, weight == null ? 1.0 : weight);
    }

    public static ValueInput of(Value v) {
        return new ValueInput(v.id(), v.name(), v.definition(), v.weight());
    }
}
