package io.picaco.llm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * Spans kept in memory, as a CDI {@code SpanExporter} (Quarkus's default {@code cdi} exporter type picks it up).
 * It only receives spans in tests that switch the OpenTelemetry SDK on (see ModelCallTracingTest).
 */
@ApplicationScoped
public class InMemorySpans {
    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
