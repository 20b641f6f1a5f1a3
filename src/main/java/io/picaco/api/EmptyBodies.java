package io.picaco.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;

/**
 * Hand-made plumbing for a framework gap: after Quarkus' body handler has read an empty request body it leaves no
 * body at all, and a REST method that takes an entity then waits for a body that never comes (the request hangs
 * until the client gives up). Giving it an empty body lets the method answer, with a 400 naming the body.
 */
@ApplicationScoped
public class EmptyBodies {
    /** After the body handler, before authentication and the routes. */
    static final int PRIORITY = 900;

    void register(@Observes Filters filters) {
        filters.register(EmptyBodies::fill, PRIORITY);
    }

    static void fill(RoutingContext ctx) {
        if (ctx.body() != null && ctx.body().buffer() == null && ctx instanceof RoutingContextInternal internal
                && ctx.request().isEnded()) {
            internal.setBody(Buffer.buffer());
        }
        ctx.next();
    }
}
