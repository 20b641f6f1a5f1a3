package io.picaco.conductor;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

import io.picaco.PicacoConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.Scheduler;

/**
 * Drives every unfinished run: QUEUED runs start, RUNNING runs (also those left by a crash or restart) resume
 * from their stored phase. Up to {@code picaco.conductor.parallel-runs} runs advance at once, each on a thread of a
 * bounded managed executor; the Quarkus scheduler looks for runs every {@code picaco.conductor.poll} and renews the
 * leases held every third of {@code picaco.conductor.lease}. Nothing runs when the conductor is off (the
 * {@code functions} profile turns it off).
 */
@ApplicationScoped
public class Conductor {
    private static final Logger LOG = Logger.getLogger(Conductor.class);

    @Inject
    PhaseRunner runner;
    @Inject
    PicacoConfig config;
    @Inject
    Leases leases;
    @Inject
    Scheduler scheduler;

    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private volatile ManagedExecutor workers;

    /** The scheduled work is skipped while the conductor is off, not yet started, or stopping. */
    @Singleton
    public static class Idle implements Scheduled.SkipPredicate {
        @Inject
        Conductor conductor;

        @Override
        public boolean test(ScheduledExecution execution) {
            return conductor.idle();
        }
    }

    /** Off, not started yet, or stopping (a method: the bean is reached through its client proxy). */
    boolean idle() {
        return workers == null || stopping;
    }

    void onStart(@Observes StartupEvent ev) {
        if (!config.conductor().enabled()) {
            LOG.info("conductor disabled: this instance only serves step functions and the API");
            return;
        }
        int runs = Math.max(1, config.conductor().parallelRuns());
        // One thread per run it drives, never more; no context of the scheduler's thread travels with a run.
        workers = ManagedExecutor.builder().maxAsync(runs).maxQueued(runs)
                .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();
        // Renew leases well before they expire, also while a long shard is in flight.
        long renew = Math.max(100, config.conductor().lease().toMillis() / 3);
        scheduler.newJob("picaco-lease-renewal").setInterval(Duration.ofMillis(renew).toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP).setSkipPredicate(Idle.class)
                .setTask(execution -> renewLeases()).schedule();
        LOG.infof("conductor %s started", leases.me());
    }

    void onStop(@Observes ShutdownEvent ev) {
        stopping = true;
        ManagedExecutor w = workers;
        if (w != null) {
            w.shutdownNow();
            // Hand our runs back at once rather than make other instances wait for the leases to expire.
            active.forEach(id -> {
                try {
                    leases.release(id);
                } catch (RuntimeException e) {
                    LOG.debug("lease not released: " + e);
                }
            });
        }
    }

    void renewLeases() {
        for (String id : active) {
            try {
                leases.renew(id);
            } catch (RuntimeException e) {
                if (!stopping) {
                    LOG.warn("could not renew the lease of run " + id + ": " + e);
                }
            }
        }
    }

    /** Starts a worker for each unfinished run that has none, up to the parallelism limit. */
    @Scheduled(identity = "picaco-conductor", every = "${picaco.conductor.poll}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Idle.class)
    void poll() {
        dispatch();
    }

    synchronized void dispatch() {
        try {
            if (stopping || workers == null || active.size() >= config.conductor().parallelRuns()) {
                return;
            }
            for (String id : leases.claimable(config.conductor().parallelRuns() * 4)) {
                if (active.size() >= config.conductor().parallelRuns()) {
                    break;
                }
                if (!active.contains(id) && leases.claim(id) && active.add(id)) {
                    start(id);
                }
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.warn("conductor could not look for runs: " + e);
            }
        }
    }

    private void start(String id) {
        try {
            workers.execute(() -> drive(id));
        } catch (RejectedExecutionException e) { // only when stopping: the executor is bounded by the same limit
            active.remove(id);
            leases.release(id);
        }
    }

    private void drive(String runId) {
        try {
            while (!stopping && leases.renew(runId) && runner.advance(runId)) {
                // one unit of work per turn, so a cancel or a takeover takes effect between them
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.error("run " + runId + " failed", e);
                runner.fail(runId, "internal error: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        } finally {
            active.remove(runId);
            if (!stopping) {
                leases.release(runId);
                dispatch(); // the next queued run starts now, not at the next poll
            }
        }
    }
}
