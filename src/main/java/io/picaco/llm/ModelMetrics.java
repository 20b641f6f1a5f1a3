package io.picaco.llm;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

/** Micrometer counters and timers for model calls, by role, endpoint and outcome (served at /q/metrics). */
@ApplicationScoped
public class ModelMetrics {
    @Inject
    MeterRegistry registry;

    public void call(Role role, String endpoint, String outcome, long latencyMs) {
        registry.counter("picaco.model.calls", "role", role.configName(), "endpoint", endpoint, "outcome", outcome)
                .increment();
        if ("ok".equals(outcome)) {
            registry.timer("picaco.model.latency", "role", role.configName(), "endpoint", endpoint)
                    .record(latencyMs, TimeUnit.MILLISECONDS);
        }
    }

    public void step(String phase, String outcome, long millis) {
        registry.timer("picaco.steps", "phase", phase, "outcome", outcome).record(millis, TimeUnit.MILLISECONDS);
    }
}
