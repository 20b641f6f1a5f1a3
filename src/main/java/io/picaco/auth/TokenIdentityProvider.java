package io.picaco.auth;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Turns a bearer token or a signed session cookie into the one identity this app knows: whoever holds the token. */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    static final String BEARER = "bearer";
    static final String SESSION = "session";
    /** Which credential authenticated the request; the CSRF check exempts bearer requests. */
    static final String VIA = "picaco.via";

    private final Optional<BearerToken> token;
    private final Optional<SessionCookie> sessions;

    TokenIdentityProvider(AuthConfig config) {
        this.token = BearerToken.of(config.token());
        this.sessions = token.map(BearerToken::sessions);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String type = request.getToken().getType();
        String value = request.getToken().getToken();
        boolean ok = token.isPresent() && (BEARER.equals(type) ? token.get().matches(value)
                : SESSION.equals(type) && sessions.get().valid(value, Instant.now()));
        if (!ok) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().item(identity(type));
    }

    static SecurityIdentity identity(String via) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("picaco")).addRole("user")
                .addAttribute(VIA, via).build();
    }
}
