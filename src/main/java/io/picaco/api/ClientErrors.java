package io.picaco.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.picaco.validation.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Requests Vert.x itself refuses before any of our code runs (a form body with "%ZZ", an over-long form field) fail
 * with a 4xx. Quarkus' last-resort handler would log each with a stack trace at ERROR, which lets any client flood
 * the log; these are the client's errors, answered as a problem document and logged at DEBUG.
 */
@ApplicationScoped
public class ClientErrors {
    private static final Logger LOG = Logger.getLogger(ClientErrors.class);
    /** After the routes' own failure handlers (the step functions'), before Quarkus' last one. */
    static final int ORDER = 100_000;

    void register(@Observes Router router) {
        router.route().order(ORDER).failureHandler(ClientErrors::handle);
    }

    static void handle(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status < 400 || status >= 500 || ctx.response().ended()) {
            ctx.next();
            return;
        }
        LOG.debugf(ctx.failure(), "%s %s refused with %d", ctx.request().method(), ctx.normalizedPath(), status);
        String title = HttpResponseStatus.valueOf(status).reasonPhrase();
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end("{\"title\":\"" + title.replace("\"", "") + "\",\"status\":" + status + "}");
    }
}
