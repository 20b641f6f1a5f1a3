package io.picaco.auth;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The optional shared bearer token that guards the step functions and the API ({@code PICACO_AUTH_TOKEN}). */
@ConfigMapping(prefix = "picaco.auth")
public interface AuthConfig {

    /** When set (and not blank), {@code /propose}, {@code /sample}, {@code /score}, {@code /select} and {@code /api/**} need it. */
    Optional<String> token();
}
