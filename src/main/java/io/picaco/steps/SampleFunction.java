package io.picaco.steps;

import jakarta.inject.Inject;

import io.quarkus.funqy.Funq;

/** The {@code sample} step as a Funqy function: {@code POST /sample}, JSON in and out, no database. */
public class SampleFunction {
    @Inject
    SampleStep step;

    @Funq
    public SampleOutput sample(SampleInput input) {
        return step.sample(input);
    }
}
