package io.picaco.core;

import java.util.Objects;

/** A URIAL demonstration: a user query and an assistant answer that embodies every value of a composition. */
public record Demonstration(String query, String answer) {
    public Demonstration {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(answer, "answer");
    }
}
