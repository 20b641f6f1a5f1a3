package io.picaco.core;

import java.util.Objects;

/** One value of a composition: a slug id, a display name, a plain-words definition and a weight. */
public record Value(String id, String name, String definition, double weight) {
    public Value {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        if (!(weight > 0)) {
            throw new IllegalArgumentException("weight must be > 0 for value " + id);
        }
    }

    public Value(String id, String name, String definition) {
        this(id, name, definition, 1.0);
    }

    /** The observation line for this value: {@code name: definition}. */
    public String observationLine() {
        return name + ": " + definition;
    }
}
