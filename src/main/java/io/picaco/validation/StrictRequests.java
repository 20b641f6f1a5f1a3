package io.picaco.validation;

import java.io.IOException;
import java.util.Set;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Refuses unknown fields in the requests of the API and the step functions, so that a typo ({@code "iteratons": 30})
 * is a 400 naming the field instead of a run with the preset's defaults. Not a global
 * {@code quarkus.jackson.fail-on-unknown-properties}: the same mapper reads the model endpoints' answers, which
 * carry fields we do not model.
 */
@Singleton
public class StrictRequests implements ObjectMapperCustomizer {
    static final Set<String> STRICT_PACKAGES = Set.of("io.picaco.api", "io.picaco.steps", "io.picaco.experiment");

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addHandler(new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                    JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
                Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
                if (isStrict(type)) {
                    throw UnrecognizedPropertyException.from(p, beanOrClass, propertyName,
                            deserializer.getKnownPropertyNames());
                }
                return false; // not ours to judge: the mapper's own setting applies
            }
        });
    }

    static boolean isStrict(Class<?> type) {
        return STRICT_PACKAGES.contains(type.getPackageName());
    }
}
