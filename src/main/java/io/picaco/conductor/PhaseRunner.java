package io.picaco.conductor;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.picaco.llm.CallAccount;
import io.picaco.store.Json;
import io.picaco.store.Run;
import io.picaco.store.RunStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Advances one run by one unit of work: loads it, hands it to the class of its phase, which calls its step outside
 * any transaction and commits the results (and, through {@link Transitions}, the next phase) under the run's lock,
 * only if the run is still where it was read (not cancelled, not advanced by someone else). Each unit is one
 * OpenTelemetry span, "run step PHASE".
 */
@ApplicationScoped
public class PhaseRunner {
    @Inject
    Instance<PhaseStep> phaseSteps;
    @Inject
    Leases leases;
    @Inject
    Tracer tracer; // a no-op unless the OpenTelemetry SDK is switched on (docs/observability.md)

    static final AttributeKey<String> RUN = AttributeKey.stringKey("picaco.run.id");
    static final AttributeKey<String> PHASE = AttributeKey.stringKey("picaco.phase");
    static final AttributeKey<Long> ITERATION = AttributeKey.longKey("picaco.iteration");
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("picaco.method");

    private final Map<Phase, PhaseStep> byPhase = new EnumMap<>(Phase.class);

    @PostConstruct
    void index() {
        phaseSteps.forEach(step -> step.phases().forEach(p -> {
            if (byPhase.put(p, step) != null) {
                throw new IllegalStateException("two classes run phase " + p);
            }
        }));
    }

    /** @return true while the run has more work */
    public boolean advance(String runId) {
        Snapshot s = QuarkusTransaction.requiringNew().call(() -> load(runId));
        if (s == null || s.status().finished()) {
            return false;
        }
        PhaseStep step = byPhase.get(s.phase());
        if (step == null) {
            return false;
        }
        Span span = tracer.spanBuilder("run step " + s.phase()).setAttribute(RUN, s.runId())
                .setAttribute(PHASE, s.phase().name()).setAttribute(ITERATION, (long) s.iteration())
                .setAttribute(METHOD, s.method().name().id()).startSpan();
        try (Scope scope = span.makeCurrent()) {
            // every model call of this unit of work is written to the run's request ledger
            CallAccount.run(new CallAccount(s.runId(), s.phase().name()), () -> step.run(s));
        } catch (RuntimeException e) {
            span.recordException(e).setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
        return true;
    }

    private Snapshot load(String runId) {
        Run run = Run.findById(runId, LockModeType.PESSIMISTIC_WRITE);
        if (run == null) {
            return null;
        }
        if (!run.status.finished() && !leases.holds(run)) {
            return null; // taken over by another instance
        }
        RunSpec spec = Json.read(run.specJson, RunSpec.class);
        Method method = Methods.of(spec.method());
        if (run.status == RunStatus.QUEUED) {
            Transitions.completed(run, method, false);
        }
        return new Snapshot(run.id, run.status, run.phase, run.iteration, spec, method);
    }

    /** Marks a run failed with a reason, unless it already finished. */
    public void fail(String runId, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            Run run = Run.findById(runId, LockModeType.PESSIMISTIC_WRITE);
            if (run != null && !run.status.finished()) {
                run.status = RunStatus.FAILED;
                run.error = reason.length() > 1900 ? reason.substring(0, 1900) : reason;
                run.finishedAt = Instant.now();
            }
        });
    }
}
