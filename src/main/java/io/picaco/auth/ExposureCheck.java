package io.picaco.auth;

import java.util.Locale;
import java.util.Optional;

/** Whether the app listens beyond this machine with no token: then anyone who reaches the port can use it. */
public final class ExposureCheck {
    private ExposureCheck() {
    }

    /** True when no token is set and {@code host} is not a loopback address. */
    public static boolean shouldWarn(Optional<BearerToken> token, String host) {
        return token.isEmpty() && !isLoopback(host);
    }

    /** Literal check only (no name lookup): {@code localhost}, {@code 127.0.0.0/8}, {@code ::1}. */
    static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127(\\.\\d{1,3}){3}");
    }
}
