package io.picaco.experiment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Caps on one experiment's grid, checked before anything is stored. Each of its runs is also held to
 * {@code picaco.limits.max-calls-per-run}. The runs of an experiment are created together and are not counted one by
 * one against {@code picaco.limits.max-active-runs}: an experiment needs one free slot, and its grid is capped here.
 */
@ConfigMapping(prefix = "picaco.experiments")
public interface ExperimentLimits {

    /** Most runs one experiment may create (compositions × targets × repeats × methods that run). */
    @WithDefault("200")
    int maxRuns();

    /** Most model calls a whole grid may be estimated at; a larger grid gets a 400 stating its estimate. */
    @WithDefault("2000000")
    long maxCalls();
}
