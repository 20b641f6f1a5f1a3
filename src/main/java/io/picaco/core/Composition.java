package io.picaco.core;

import java.util.List;
import java.util.Optional;

/** A named value set with the query set it is evaluated on and its known tensions. */
public record Composition(String id, String title, String description, List<Value> values, String querySet,
        List<Tension> tensions) {

    public Composition {
        values = List.copyOf(values);
        tensions = List.copyOf(tensions);
    }

    public Optional<Value> value(String valueId) {
        return values.stream().filter(v -> v.id().equals(valueId)).findFirst();
    }
}
