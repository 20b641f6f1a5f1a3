package io.picaco;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;

/**
 * The app's {@link ObjectMapper} for code that is not a bean: prompt builders and parsers, the store's JSON columns,
 * the query-file reader. Beans inject {@code ObjectMapper} instead; both are the one mapper Quarkus configures
 * ({@code quarkus.jackson.*}, its modules and the app's {@code ObjectMapperCustomizer}s).
 */
public final class AppJson {
    /** Outside a running app (plain unit tests): Quarkus's defaults, without the app's customizers. */
    private static final ObjectMapper OUTSIDE = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Map<ObjectMapper, ObjectMapper> LENIENT = Collections.synchronizedMap(new WeakHashMap<>());

    private AppJson() {
    }

    /** The app's mapper, as injected. */
    public static ObjectMapper mapper() {
        ArcContainer arc = Arc.container();
        return arc == null || !arc.isRunning() ? OUTSIDE : arc.instance(ObjectMapper.class).get();
    }

    /**
     * The app's mapper without its deserialization problem handlers: the refusal of unknown fields
     * ({@code validation.StrictRequests}) is for requests to this app, not for what the app reads back from its
     * store or from other services (model and remote step answers), where an extra field is ignored.
     */
    public static ObjectMapper lenient() {
        return lenient(mapper());
    }

    /** {@link #lenient()} of a given (injected) mapper; made once per mapper. */
    public static ObjectMapper lenient(ObjectMapper app) {
        return LENIENT.computeIfAbsent(app, m -> m.copy().clearProblemHandlers());
    }
}
