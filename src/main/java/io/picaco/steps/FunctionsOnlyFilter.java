package io.picaco.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.picaco.PicacoConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * With {@code picaco.functions-only} (the {@code functions} profile) a step instance answers only the four step
 * functions and {@code /q/health}: REST resources are already switched off by {@code @EndpointDisabled}; this
 * filter also closes what is not a REST resource (static files, {@code /q/metrics}).
 */
@ApplicationScoped
public class FunctionsOnlyFilter {
    static final String NOT_FOUND = "{\"title\":\"Not Found\",\"status\":404,"
            + "\"detail\":\"This instance serves only /propose, /sample, /score, /select and /q/health.\"}";

    void register(@Observes Filters filters, PicacoConfig config) {
        if (config.functionsOnly()) {
            // After the bearer-token filter (1000), so a protected path without a token still answers 401.
            filters.register(FunctionsOnlyFilter::check, 900);
        }
    }

    static boolean served(String path) {
        if (path == null) {
            return false;
        }
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return StepErrorHandler.INPUTS.containsKey(p) || p.equals("/q/health") || p.startsWith("/q/health/");
    }

    private static void check(RoutingContext ctx) {
        if (served(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(404)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(NOT_FOUND);
    }
}
