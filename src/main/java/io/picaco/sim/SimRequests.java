package io.picaco.sim;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;

/**
 * Counts the chat requests this server received, whatever their fate, as a paying client is billed: at arrival,
 * before the body is read, so a request whose sender died right after sending it still counts. Tests compare a
 * client's own count with it ({@code GET /sim/v1/stats}).
 */
@ApplicationScoped
public class SimRequests {
    /** Before every other route, authentication included: a refused request was still received. */
    static final int ORDER = -1_000;

    private final AtomicLong received = new AtomicLong();

    @ConfigProperty(name = "picaco.functions-only", defaultValue = "false")
    boolean functionsOnly;

    void register(@Observes Router router) {
        if (!functionsOnly) {
            router.post("/sim/v1/chat/completions").order(ORDER).handler(ctx -> {
                received.incrementAndGet();
                ctx.next();
            });
        }
    }

    public long received() {
        return received.get();
    }
}
