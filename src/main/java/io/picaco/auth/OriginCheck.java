package io.picaco.auth;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * CSRF protection for every state-changing request, as OWASP describes it for apps without a synchronizer token
 * ({@code quarkus-rest-csrf} is not available at this Quarkus version): the session cookie is SameSite=Strict, and
 * a POST/PUT/DELETE/PATCH must come from this site's own origin ({@code Origin}, else {@code Referer}). Requests with
 * an {@code Authorization} header are exempt: a browser cannot add one to a cross-site request without CORS.
 * A request with neither header nor session cookie is no browser's (curl, scripts) and passes on to authentication.
 */
@ApplicationScoped
public class OriginCheck {
    /** Ahead of authentication and the routes. */
    static final int PRIORITY = 1000;
    static final String FORBIDDEN = "{\"title\":\"Forbidden\",\"status\":403,"
            + "\"detail\":\"cross-site request refused: it does not come from this site's own pages\"}";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext ctx) {
        var request = ctx.request();
        if (SAFE.contains(request.method()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            ctx.next();
            return;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        String source = origin != null ? origin : request.getHeader(HttpHeaders.REFERER);
        boolean browserSession = request.getCookie(SessionCookie.NAME) != null;
        if (source == null ? !browserSession : sameOrigin(source, request.getHeader(HttpHeaders.HOST))) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(FORBIDDEN);
    }

    /**
     * True when {@code source} (an origin or a full URL) names the host and port the request was sent to. A Host
     * without a port is taken to be the default port of the source's scheme, so TLS termination in front of the
     * app (browser on https, app on http) still matches.
     */
    static boolean sameOrigin(String source, String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        URI uri;
        try {
            uri = URI.create(source.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            return false; // includes "Origin: null" (sandboxed frames, file: pages)
        }
        int defaultPort = scheme.equals("https") ? 443 : 80;
        int sourcePort = uri.getPort() > 0 ? uri.getPort() : defaultPort;
        String h = host.strip().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        String hostName = h;
        int hostPort = defaultPort;
        if (colon > h.lastIndexOf(']')) {
            hostName = h.substring(0, colon);
            try {
                hostPort = Integer.parseInt(h.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return hostName.equals(uri.getHost().toLowerCase(Locale.ROOT)) && hostPort == sourcePort;
    }
}
