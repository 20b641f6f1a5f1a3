package io.picaco.validation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/** Names the field a JSON reading error is about, as a path like {@code values[2].weight}. */
public final class JsonErrors {
    private JsonErrors() {
    }

    /** For an enum field (judge mode): its spellings, e.g. "must be one of: joint, per-value". */
    static Optional<String> oneOf(JsonProcessingException e) {
        Class<?> target = e instanceof InvalidFormatException f ? f.getTargetType()
                : e instanceof ValueInstantiationException v ? v.getType().getRawClass() : null;
        if (target == null || !target.isEnum()) {
            return Optional.empty();
        }
        return Optional.of("must be one of: " + Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                .collect(Collectors.joining(", ")));
    }

    /** Every field an error is about: each unknown field of a body, or the one field of any other error. */
    public static List<Violation> violations(JsonProcessingException e) {
        if (e instanceof StrictRequests.UnknownFields u) {
            return u.fields().stream().map(f -> new Violation(f, UNKNOWN)).toList();
        }
        return List.of(violation(e));
    }

    static final String UNKNOWN = "is not a known field (misspelled?)";

    public static Violation violation(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    sb.append('[').append(r.getIndex()).append(']');
                }
            }
            if (sb.length() > 0) {
                return new Violation(sb.toString(), e instanceof UnrecognizedPropertyException
                        ? UNKNOWN : oneOf(e).orElse("has the wrong type or is malformed"));
            }
        }
        return new Violation("body", "is not well-formed JSON");
    }
}
