package io.picaco.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Checks an {@code Authorization} header against the shared token, in time that does not depend on where they differ. */
public final class BearerToken {
    static final String SCHEME = "bearer ";
    private final String token;
    private final byte[] expected;

    private BearerToken(String token) {
        this.token = token;
        this.expected = token.getBytes(StandardCharsets.UTF_8);
    }

    /** The configured token, or empty when none is set (blank counts as none). */
    public static Optional<BearerToken> of(Optional<String> token) {
        return token.map(String::strip).filter(t -> !t.isEmpty()).map(BearerToken::new);
    }

    /** True when the header is {@code Bearer <token>} (the scheme is case-insensitive, the token is not). */
    public boolean accepts(String authorization) {
        String given = credential(authorization);
        if (given == null) {
            // Still compare, so a missing header costs about as much as a wrong one.
            MessageDigest.isEqual(expected, new byte[expected.length]);
            return false;
        }
        return matches(given);
    }

    /** True when {@code given} is the token itself (as typed into the sign-in form). */
    public boolean matches(String given) {
        byte[] g = (given == null ? "" : given.strip()).getBytes(StandardCharsets.UTF_8);
        // MessageDigest.isEqual runs in time that depends only on the lengths, not on the content.
        return MessageDigest.isEqual(expected, g);
    }

    /** The credential of a {@code Bearer} header, or null for any other (or no) scheme. */
    static String credential(String authorization) {
        if (authorization == null || authorization.length() < SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        String c = authorization.substring(SCHEME.length()).strip();
        return c.isEmpty() ? null : c;
    }

    /** The key the session cookies are signed with. */
    SessionCookie sessions() {
        return new SessionCookie(token);
    }
}
