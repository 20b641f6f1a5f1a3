package io.picaco.auth;

import java.util.Set;

/** The paths the shared token guards: the four step functions and the REST API. Pages, health and the simulator stay open. */
public final class ProtectedPaths {
    static final Set<String> STEPS = Set.of("/propose", "/sample", "/score", "/select");

    private ProtectedPaths() {
    }

    /** {@code path} is the normalized request path (no {@code ..}, no duplicate slashes). */
    public static boolean isProtected(String path) {
        if (path == null) {
            return false;
        }
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return STEPS.contains(p) || p.equals("/api") || p.startsWith("/api/");
    }
}
