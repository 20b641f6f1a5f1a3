package io.picaco.conductor;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.picaco.PicacoConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Drives every unfinished run: QUEUED runs start, RUNNING runs (also those left by a crash or restart) resume
 * from their stored phase. Up to {@code picaco.conductor.parallel-runs} runs advance at once.
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

    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private ScheduledExecutorService ticker;
    private ExecutorService workers;

    void onStart(@Observes StartupEvent ev) {
        if (!config.conductor().enabled()) {
            LOG.info("conductor disabled: this instance only serves step functions and the API");
            return;
        }
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.conductor().parallelRuns(), r -> {
            Thread t = new Thread(r, "picaco-run-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "picaco-conductor");
            t.setDaemon(true);
            return t;
        });
        long poll = config.conductor().poll().toMillis();
        ticker.scheduleWithFixedDelay(this::dispatch, 0, poll, TimeUnit.MILLISECONDS);
        // Renew leases well before they expire, also while a long shard is in flight.
        long renew = Math.max(100, config.conductor().lease().toMillis() / 3);
        ticker.scheduleWithFixedDelay(this::renewLeases, renew, renew, TimeUnit.MILLISECONDS);
        LOG.infof("conductor %s started", leases.me());
    }

    void onStop(@Observes ShutdownEvent ev) {
        stopping = true;
        if (ticker != null) {
            ticker.shutdownNow();
            workers.shutdownNow();
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

    private void renewLeases() {
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
    void dispatch() {
        try {
            if (stopping || active.size() >= config.conductor().parallelRuns()) {
                return;
            }
            for (String id : leases.claimable(config.conductor().parallelRuns() * 4)) {
                if (active.size() >= config.conductor().parallelRuns()) {
                    break;
                }
                if (!active.contains(id) && leases.claim(id) && active.add(id)) {
                    workers.submit(() -> drive(id));
                }
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.warn("conductor could not look for runs: " + e);
            }
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
            }
        }
    }
}
