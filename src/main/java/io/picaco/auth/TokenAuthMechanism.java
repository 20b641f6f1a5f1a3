package io.picaco.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads {@code Authorization: Bearer <token>} (API clients, step calls, the app's own simulator calls) or the signed
 * session cookie (the pages). Which paths need an identity is decided by the deny-by-default
 * {@code quarkus.http.auth.permission.*} configuration, not here. Unauthenticated page requests are sent to the
 * sign-in page; everything else gets a 401 problem document.
 */
@ApplicationScoped
public class TokenAuthMechanism implements HttpAuthenticationMechanism {
    static final String UNAUTHORIZED = "{\"title\":\"Unauthorized\",\"status\":401}";
    /** First path segments of machine routes: they answer 401, never a redirect to a page. */
    private static final Set<String> MACHINE = Set.of("api", "sim", "q", "propose", "sample", "score", "select");

    private final Optional<BearerToken> token;

    TokenAuthMechanism(AuthConfig config) {
        this.token = BearerToken.of(config.token());
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext ctx, IdentityProviderManager identities) {
        if (token.isEmpty()) {
            // No token configured (local use, tests): everyone is the single user, so the same deny-by-default
            // permissions hold without a second, token-less configuration.
            return Uni.createFrom().item(TokenIdentityProvider.identity("open"));
        }
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            String credential = BearerToken.credential(header);
            if (credential == null) {
                return Uni.createFrom().failure(new AuthenticationFailedException());
            }
            return identities.authenticate(request(ctx, credential, TokenIdentityProvider.BEARER));
        }
        Cookie cookie = ctx.request().getCookie(SessionCookie.NAME);
        if (cookie != null) {
            // An expired or foreign cookie is no identity rather than a failure, so the sign-in page stays reachable.
            return identities.authenticate(request(ctx, cookie.getValue(), TokenIdentityProvider.SESSION))
                    .onFailure(AuthenticationFailedException.class).recoverWithNull();
        }
        return Uni.createFrom().nullItem();
    }

    private static AuthenticationRequest request(RoutingContext ctx, String value, String type) {
        return HttpSecurityUtils.setRoutingContextAttribute(
                new TokenAuthenticationRequest(new TokenCredential(value, type)), ctx);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext ctx) {
        return Uni.createFrom().item(isMachine(ctx.normalizedPath())
                ? new ChallengeData(401, "WWW-Authenticate", "Bearer")
                : new ChallengeData(303, "Location", signIn(ctx)));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext ctx) {
        var response = ctx.response();
        if (!response.ended()) {
            response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            if (isMachine(ctx.normalizedPath())) {
                response.setStatusCode(401).putHeader("WWW-Authenticate", "Bearer")
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json").end(UNAUTHORIZED);
            } else {
                response.setStatusCode(303).putHeader(HttpHeaders.LOCATION, signIn(ctx)).end();
            }
        }
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    /** The first path segment without matrix parameters, in lower case, decides. */
    static boolean isMachine(String path) {
        if (path == null) {
            return true;
        }
        int i = 0;
        while (i < path.length() && path.charAt(i) == '/') {
            i++;
        }
        int end = i;
        while (end < path.length() && path.charAt(end) != '/' && path.charAt(end) != ';') {
            end++;
        }
        return MACHINE.contains(path.substring(i, end).toLowerCase(Locale.ROOT));
    }

    private static String signIn(RoutingContext ctx) {
        boolean read = ctx.request().method() == HttpMethod.GET || ctx.request().method() == HttpMethod.HEAD;
        String next = ctx.request().uri();
        return read && SignInPage.safeNext(next) ? "/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)
                : "/sign-in";
    }
}
