package io.picaco.conductor;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The methods a run can take ({@code method} in a run request; ALGORITHM.md, "Methods"). */
public enum MethodName {
    BARE("bare"),
    Q_IF("q+if"),
    URIAL("urial"),
    OPRO("opro"),
    PICACO("picaco"),
    PICACO_NO_REDUNDANCY("picaco-no-redundancy"),
    PICACO_NO_NOISY_POOL("picaco-no-noisy-pool"),
    PICACO_NO_ENHANCEMENT("picaco-no-enhancement"),
    PICACO_SINGLE_ROUND("picaco-single-round");

    private final String id;

    MethodName(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** @return the method with this id; null for null (the default applies) */
    @JsonCreator
    public static MethodName of(String id) {
        if (id == null) {
            return null;
        }
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown method '" + id + "'; known: " + known()));
    }

    public static String known() {
        return Arrays.stream(values()).map(MethodName::id).collect(Collectors.joining(", "));
    }
}
