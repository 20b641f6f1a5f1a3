package io.picaco.conductor;

import io.picaco.store.RunStatus;

/** A consistent read of a run, taken in one transaction; phases work from it and commit only if it still holds. */
record Snapshot(String runId, RunStatus status, Phase phase, int iteration, RunSpec spec, Method method) {
}
