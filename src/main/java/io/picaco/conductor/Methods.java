package io.picaco.conductor;

import java.util.EnumMap;
import java.util.Map;

/** The strategy for each method name. */
public final class Methods {
    private static final Map<MethodName, Method> ALL = new EnumMap<>(MethodName.class);
    static {
        for (Method m : new Method[] {FixedInstruction.bare(), FixedInstruction.qIf(), FixedInstruction.urial(),
                new Opro(), Picaco.full(), Picaco.withoutRedundancy(), Picaco.withoutNoisyPool(),
                Picaco.withoutEnhancement(), Picaco.singleRound()}) {
            ALL.put(m.name(), m);
        }
    }

    private Methods() {
    }

    /** The method of a run; runs stored before methods existed are PICACO runs. */
    public static Method of(MethodName name) {
        return ALL.get(name == null ? MethodName.PICACO : name);
    }
}
