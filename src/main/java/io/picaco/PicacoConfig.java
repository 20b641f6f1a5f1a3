package io.picaco;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration of the app ({@code picaco.*}); the simulator has its own {@code picaco.sim.*}. */
@ConfigMapping(prefix = "picaco")
public interface PicacoConfig {

    Models models();

    Conductor conductor();

    interface Models {
        /** Attempts per model call before it is recorded as failed. */
        @WithDefault("3")
        int maxAttempts();

        /** First retry delay; doubles each attempt, with jitter. */
        @WithDefault("200ms")
        Duration backoff();

        /** Calls in flight at once, per role. */
        @WithDefault("8")
        int concurrency();
    }

    interface Conductor {
        /** Whether this instance drives runs (off for an instance that only serves step functions). */
        @WithDefault("true")
        boolean enabled();

        /** Runs that advance at the same time. */
        @WithDefault("2")
        int parallelRuns();

        /** Model calls per shard: the most a crash can lose. */
        @WithDefault("32")
        int shardSize();

        /** How often the conductor looks for runs to advance. */
        @WithDefault("300ms")
        Duration poll();
    }
}
