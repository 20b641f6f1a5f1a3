package io.picaco.conductor;

/**
 * A step invocation that gave no usable answer (a remote step's 4xx, an answer that breaks the contract, or
 * transient failures past their retries). The shard's items are recorded as failed with this reason, after the
 * shard is tried again when the failure {@link #mayPass() may pass}.
 */
public class StepFailure extends RuntimeException {
    private final boolean mayPass;

    /** A failure that trying again will not mend. */
    public StepFailure(String message) {
        this(message, false);
    }

    public StepFailure(String message, boolean mayPass) {
        super(message);
        this.mayPass = mayPass;
    }

    /** True for failures that may pass (5xx, time-outs, I/O errors), so the shard is worth another try. */
    public boolean mayPass() {
        return mayPass;
    }
}
