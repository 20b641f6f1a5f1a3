package io.picaco.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.langchain4j.data.message.UserMessage;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With tracing switched on, every model call is one span that says who called which model, and never a key. */
@QuarkusTest
@TestProfile(ModelCallTracingTest.TracingOn.class)
class ModelCallTracingTest {

    /** The SDK on, exporting only to the in-memory exporter (no OTLP collector is needed or contacted). */
    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.enabled", "false",
                    "quarkus.otel.bsp.schedule.delay", "50ms",
                    "picaco.conductor.enabled", "false");
        }
    }

    @Inject
    ModelGateway gateway;
    @Inject
    InMemorySpanExporter spans;
    @ConfigProperty(name = "quarkus.langchain4j.openai.judge.api-key")
    String judgeKey;

    @Test
    void aModelCallIsOneSpanWithRoleEndpointAndModel() throws Exception {
        String query = "Is it rude to leave a family dinner early? " + UUID.randomUUID();
        ModelReply reply = gateway.chat(null, Role.TARGET, List.of(UserMessage.from(query)), 11, null, false);
        assertFalse(reply.text().isBlank());

        SpanData span = awaitSpan("target");
        assertEquals("model call", span.getName());
        assertEquals("target", span.getAttributes().get(ModelCallSpan.ENDPOINT));
        assertEquals("sim-target", span.getAttributes().get(ModelCallSpan.MODEL));
        assertEquals(Boolean.FALSE, span.getAttributes().get(ModelCallSpan.CACHE_HIT));
        assertTrue(span.getAttributes().get(ModelCallSpan.INPUT_TOKENS) > 0, "input tokens recorded");
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
        // the HTTP request to the endpoint (one per attempt) is a child of the model call
        assertTrue(awaitChildren(span).stream().anyMatch(c -> c.getKind() == SpanKind.CLIENT),
                "an HTTP client span under the model call");
    }

    @Test
    void aSpanNeverCarriesTheKeyOrThePrompt() throws Exception {
        String query = "Should I tell my friend a hard truth? " + UUID.randomUUID();
        gateway.chat(null, Role.JUDGE, List.of(UserMessage.from(query)), 3, 0.0, false);

        SpanData span = awaitSpan("judge");
        String everything = span.getAttributes().toString() + span.getEvents();
        assertFalse(judgeKey.isBlank());
        assertFalse(everything.contains(judgeKey), "no API key in " + everything);
        assertFalse(everything.contains(query), "no prompt text in " + everything);
    }

    @Test
    void aFailedCallEndsItsSpanWithAnError() throws Exception {
        assertThrows(RuntimeException.class, () -> gateway.chat("no-such-endpoint", Role.OPTIMIZER,
                List.of(UserMessage.from("Propose an instruction.")), 5, null, false));
        for (int i = 0; i < 100; i++) {
            if (spans.getFinishedSpanItems().stream().anyMatch(s -> "model call".equals(s.getName())
                    && s.getStatus().getStatusCode() == StatusCode.ERROR && !s.getEvents().isEmpty())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no failed model-call span among " + spans.getFinishedSpanItems());
    }

    private List<SpanData> awaitChildren(SpanData parent) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            List<SpanData> children = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getParentSpanId().equals(parent.getSpanId())).toList();
            if (!children.isEmpty()) {
                return children;
            }
            Thread.sleep(100);
        }
        return List.of();
    }

    private SpanData awaitSpan(String role) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Optional<SpanData> span = spans.getFinishedSpanItems().stream()
                    .filter(s -> role.equals(s.getAttributes().get(ModelCallSpan.ROLE))).findFirst();
            if (span.isPresent()) {
                return span.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no span for a " + role + " call among " + spans.getFinishedSpanItems());
    }
}
