package io.picaco.auth;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The optional shared bearer token that guards every route but health and static assets ({@code PICACO_AUTH_TOKEN}). */
@ConfigMapping(prefix = "picaco.auth")
public interface AuthConfig {

    /** When set (and not blank), every route but {@code /q/health*}, static assets and the sign-in page needs it. */
    Optional<String> token();

    /** How long a browser session made by the sign-in page lasts. */
    @WithDefault("12h")
    Duration session();
}
