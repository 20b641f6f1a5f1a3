package io.picaco.experiment;

import java.util.Collection;

import io.picaco.store.RunStatus;

/**
 * An experiment's status, derived from its runs' (statuses as for runs): nothing about progress is stored on the
 * experiment, so after a crash it is wherever its runs are, and it resumes because they do.
 */
public final class ExperimentStatus {
    private ExperimentStatus() {
    }

    /**
     * QUEUED while no run has started; RUNNING while any run is unfinished; once all have finished: CANCELLED if
     * the experiment was cancelled, else FAILED if any run failed, CANCELLED if any run was cancelled on its own,
     * BUDGET_EXHAUSTED if any ran out of its share of the budget, else DONE.
     */
    public static RunStatus derive(Collection<RunStatus> runs, boolean cancelled) {
        if (runs.isEmpty()) {
            return cancelled ? RunStatus.CANCELLED : RunStatus.QUEUED;
        }
        if (runs.stream().anyMatch(s -> !s.finished())) {
            return runs.stream().allMatch(s -> s == RunStatus.QUEUED) ? RunStatus.QUEUED : RunStatus.RUNNING;
        }
        if (cancelled) {
            return RunStatus.CANCELLED;
        }
        for (RunStatus s : new RunStatus[] { RunStatus.FAILED, RunStatus.CANCELLED, RunStatus.BUDGET_EXHAUSTED }) {
            if (runs.contains(s)) {
                return s;
            }
        }
        return RunStatus.DONE;
    }

    /** Runs that have finished, whatever their outcome. */
    public static int done(Collection<RunStatus> runs) {
        return (int) runs.stream().filter(RunStatus::finished).count();
    }
}
