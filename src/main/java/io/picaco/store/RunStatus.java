package io.picaco.store;

public enum RunStatus {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED, BUDGET_EXHAUSTED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
