package io.picaco.llm;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the judge rates a response: every value in one call, or one call per value. JSON: "joint", "per-value". */
public enum JudgeMode {
    JOINT("joint"), PER_VALUE("per-value");

    private final String json;

    JudgeMode(String json) {
        this.json = json;
    }

    /** The spelling of the API, the form, stored run specs and the judge prompt. */
    @JsonValue
    public String json() {
        return json;
    }

    /** By its JSON spelling; an unknown one is a reading error naming the field. */
    @JsonCreator
    public static JudgeMode of(String s) {
        return Arrays.stream(values()).filter(m -> m.json.equals(s)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be 'joint' or 'per-value'"));
    }

    @Override
    public String toString() {
        return json;
    }
}
