package io.picaco.auth;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * A Vert.x filter ahead of every route, so it covers Funqy and REST alike: with {@code picaco.auth.token} set, the step
 * functions and {@code /api/**} answer 401 unless the request carries {@code Authorization: Bearer <token>}.
 */
@ApplicationScoped
public class BearerTokenFilter {
    private static final Logger LOG = Logger.getLogger(BearerTokenFilter.class);
    /** Runs before Quarkus' own filters that could answer first (CORS uses 300, higher runs earlier). */
    static final int PRIORITY = 1000;
    static final String UNAUTHORIZED = "{\"title\":\"Unauthorized\",\"status\":401}";

    private final Optional<BearerToken> token;
    private final String host;

    BearerTokenFilter(AuthConfig config, @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0") String host) {
        this.token = BearerToken.of(config.token());
        this.host = host;
    }

    void register(@Observes Filters filters) {
        token.ifPresent(t -> filters.register(ctx -> check(t, ctx), PRIORITY));
    }

    void warnIfExposed(@Observes StartupEvent event) {
        if (ExposureCheck.shouldWarn(token, host)) {
            LOG.warnf("No picaco.auth.token (PICACO_AUTH_TOKEN) is set and the app listens on %s: the step functions and"
                    + " the API are open to anyone who can reach this port.", host);
        }
    }

    private static void check(BearerToken token, RoutingContext ctx) {
        if (!ProtectedPaths.isProtected(ctx.normalizedPath())
                || token.accepts(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer")
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(UNAUTHORIZED);
    }
}
