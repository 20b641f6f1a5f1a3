package io.picaco.llm;

import java.util.Locale;

/** The model roles of a run; each is a named quarkus-langchain4j model of the same name. */
public enum Role {
    TARGET, OPTIMIZER, JUDGE,
    /** Rates held-out responses only; optimization never calls it. */
    EVALUATOR;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
