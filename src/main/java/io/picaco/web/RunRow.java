package io.picaco.web;

import java.time.Instant;

import io.picaco.api.RunSummary;
import io.picaco.store.RunStatus;

/** One line of the runs list. */
public record RunRow(String id, String name, String composition, RunStatus status, String phaseLabel, int iteration,
        int iterations, int percent, Double bestJHat, long calls, long tokens, Instant createdAt, boolean simulated,
        boolean live) {

    static RunRow of(RunSummary s) {
        return new RunRow(s.id(), s.name(), s.composition() == null ? "custom" : s.composition(), s.status(),
                Progress.phaseLabel(s.phase()), s.iteration(), s.iterations(),
                Progress.percent(s.status(), s.phase(), s.iteration(), s.iterations()), s.bestJHat(), s.calls(),
                s.tokens(), s.createdAt(), s.simulated(), Progress.live(s.status()));
    }
}
