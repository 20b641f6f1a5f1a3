package io.picaco.steps;

import jakarta.inject.Inject;

import io.quarkus.funqy.Funq;

/** The {@code select} step as a Funqy function: {@code POST /select}, JSON in and out, no database. */
public class SelectFunction {
    @Inject
    SelectStep step;

    @Funq
    public SelectOutput select(SelectInput input) {
        return step.select(input);
    }
}
