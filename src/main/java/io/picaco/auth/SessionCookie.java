package io.picaco.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The browser session the sign-in page hands out: {@code <expiry epoch seconds>.<HMAC-SHA256(token, expiry)>}.
 * Signed rather than stored because it needs no session store (it survives restarts and works across replicas and
 * on Lambda), never carries the token itself (a leaked cookie expires and cannot be replayed as a bearer token
 * once it does), and every session ends the moment the token is rotated.
 */
final class SessionCookie {
    static final String NAME = "picaco_session";
    private static final String PURPOSE = "picaco-session-v1:";
    private final SecretKeySpec key;

    SessionCookie(String token) {
        this.key = new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String issue(Instant expires) {
        long e = expires.getEpochSecond();
        return e + "." + mac(e);
    }

    /** True when the value was issued with this token and has not expired. */
    boolean valid(String value, Instant now) {
        if (value == null || value.length() > 100) {
            return false;
        }
        int dot = value.indexOf('.');
        if (dot < 1 || dot > 12) {
            return false;
        }
        long expires;
        try {
            expires = Long.parseLong(value.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        boolean same = MessageDigest.isEqual(mac(expires).getBytes(StandardCharsets.US_ASCII),
                value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
        return same && now.getEpochSecond() < expires;
    }

    private String mac(long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] sig = mac.doFinal((PURPOSE + expires).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
