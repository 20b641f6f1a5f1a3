package io.picaco.validation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Caps on what one request may cost or hold, checked before anything is stored. */
@ConfigMapping(prefix = "picaco.limits")
public interface Limits {

    /** Most model calls a run may be estimated at (the exact estimate of the estimate endpoint); larger runs get a 400. */
    @WithDefault("50000")
    long maxCallsPerRun();

    /** Most runs queued or running at once; one more gets a 429 with {@code Retry-After}. */
    @WithDefault("20")
    int maxActiveRuns();
}
