package io.picaco.core;

import java.util.List;

/** The default seed instruction e⁰: the "Q+IF" baseline that lists every value with its definition. */
public final class SeedInstruction {
    private SeedInstruction() {
    }

    public static String forValues(List<Value> values) {
        StringBuilder sb = new StringBuilder("You are a helpful assistant. In every answer, honour the following values:");
        for (Value v : values) {
            sb.append("\n- ").append(v.observationLine());
        }
        return sb.toString();
    }
}
