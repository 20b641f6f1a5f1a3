package io.picaco.conductor;

/**
 * A step invocation that gave no usable answer (a remote step's 4xx, an answer that breaks the contract, or
 * transient failures past their retries). The shard's items are recorded as failed with this reason.
 */
public class StepFailure extends RuntimeException {
    public StepFailure(String message) {
        super(message);
    }
}
