package io.picaco.steps;

import jakarta.inject.Inject;

import io.quarkus.funqy.Funq;

/** The {@code propose} step as a Funqy function: {@code POST /propose}, JSON in and out, no database. */
public class ProposeFunction {
    @Inject
    ProposeStep step;

    @Funq
    public ProposeOutput propose(ProposeInput input) {
        return step.propose(input);
    }
}
