package io.picaco.validation;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Refuses unknown fields in the requests of the API and the step functions, so that a typo ({@code "iteratons": 30})
 * is a 400 naming the field instead of a run with the preset's defaults. Every unknown field of a body is named at
 * once ({@code {"composition": …, "iteratons": 30}} sent to {@code /select} names both). Not a global
 * {@code quarkus.jackson.fail-on-unknown-properties}: the same mapper reads the model endpoints' answers, which
 * carry fields we do not model.
 */
@Singleton
public class StrictRequests implements ObjectMapperCustomizer {
    static final Set<String> STRICT_PACKAGES = Set.of("io.picaco.api", "io.picaco.steps", "io.picaco.experiment");
    /** Per-read attribute: the unknown fields found so far in the outermost strict object. */
    private static final String UNKNOWN = StrictRequests.class.getName() + ".unknown";

    /** Every unknown field of one body, by its JSON path. */
    public static class UnknownFields extends MismatchedInputException {
        private final List<String> fields;

        UnknownFields(JsonParser p, List<String> fields) {
            super(p, "unknown fields: " + String.join(", ", fields));
            this.fields = List.copyOf(fields);
        }

        public List<String> fields() {
            return fields;
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addHandler(new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                    JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
                Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
                if (!isStrict(type)) {
                    return false; // not ours to judge: the mapper's own setting applies
                }
                @SuppressWarnings("unchecked")
                List<String> unknown = (List<String>) ctxt.getAttribute(UNKNOWN);
                if (unknown == null) {
                    throw UnrecognizedPropertyException.from(p, beanOrClass, propertyName,
                            deserializer.getKnownPropertyNames());
                }
                if (unknown.size() < Checks.MAX_VIOLATIONS) {
                    unknown.add(path(p, propertyName));
                }
                p.skipChildren();
                return true;
            }
        });
        SimpleModule module = new SimpleModule("picaco-strict-requests");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return isStrict(description.getBeanClass()) ? new CollectingUnknown(deserializer) : deserializer;
            }
        });
        mapper.registerModule(module);
    }

    /** Reads a strict object; the outermost one collects the unknown fields of all it holds and names them all. */
    static class CollectingUnknown extends DelegatingDeserializer {
        CollectingUnknown(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new CollectingUnknown(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (ctxt.getAttribute(UNKNOWN) != null) {
                return super.deserialize(p, ctxt);
            }
            List<String> unknown = new ArrayList<>();
            ctxt.setAttribute(UNKNOWN, unknown);
            Object value;
            try {
                value = super.deserialize(p, ctxt);
            } finally {
                ctxt.setAttribute(UNKNOWN, null);
            }
            if (!unknown.isEmpty()) {
                throw new UnknownFields(p, unknown);
            }
            return value;
        }
    }

    /** The JSON path of a field being read: {@code budget.maxCals}, {@code instructions[0].responses[1].queryIdd}. */
    static String path(JsonParser p, String propertyName) {
        JsonStreamContext c = p.getParsingContext();
        if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
            c = c.getParent(); // the value opened its own context: the field belongs to the enclosing object
        }
        Deque<String> parts = new ArrayDeque<>();
        parts.push(propertyName);
        for (JsonStreamContext x = c.getParent(); x != null && !x.inRoot(); x = x.getParent()) {
            if (x.inArray()) {
                parts.push("[" + x.getCurrentIndex() + "]");
            } else if (x.getCurrentName() != null) {
                parts.push(x.getCurrentName());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            sb.append(sb.length() == 0 || part.startsWith("[") ? "" : ".").append(part);
        }
        return sb.toString();
    }

    static boolean isStrict(Class<?> type) {
        return STRICT_PACKAGES.contains(type.getPackageName());
    }
}
