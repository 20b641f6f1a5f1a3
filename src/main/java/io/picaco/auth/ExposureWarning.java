package io.picaco.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Warns at start-up when the app listens beyond loopback with no token. */
@ApplicationScoped
public class ExposureWarning {
    private static final Logger LOG = Logger.getLogger(ExposureWarning.class);

    void warnIfExposed(@Observes StartupEvent event, AuthConfig config,
            @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0") String host) {
        if (ExposureCheck.shouldWarn(BearerToken.of(config.token()), host)) {
            LOG.warnf("No picaco.auth.token (PICACO_AUTH_TOKEN) is set and the app listens on %s: every page, the API,"
                    + " the step functions and the simulator are open to anyone who can reach this port.", host);
        }
    }
}
