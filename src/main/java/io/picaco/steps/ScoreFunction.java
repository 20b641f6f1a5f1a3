package io.picaco.steps;

import jakarta.inject.Inject;

import io.quarkus.funqy.Funq;

/** The {@code score} step as a Funqy function: {@code POST /score}, JSON in and out, no database. */
public class ScoreFunction {
    @Inject
    ScoreStep step;

    @Funq
    public ScoreOutput score(ScoreInput input) {
        return step.score(input);
    }
}
