package io.picaco.sim;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Load and fault settings of the simulated model server. All default to off. */
@ConfigMapping(prefix = "picaco.sim")
public interface SimConfig {

    /** Delay per call: fixed ({@code 300ms}, {@code 1s}) or a range ({@code 100ms..300ms}, uniform). */
    Optional<String> latency();

    /** Share of calls that fail: half 429 (with Retry-After: 1), half 500. */
    @WithDefault("0")
    double faultRate();

    /** Share of sim-judge answers that are not valid JSON. */
    @WithDefault("0")
    double malformedRate();
}
