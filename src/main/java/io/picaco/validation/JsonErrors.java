package io.picaco.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Names the field a JSON reading error is about, as a path like {@code values[2].weight}. */
public final class JsonErrors {
    private JsonErrors() {
    }

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
                        ? "is not a known field (misspelled?)" : "has the wrong type or is malformed");
            }
        }
        return new Violation("body", "is not well-formed JSON");
    }
}
