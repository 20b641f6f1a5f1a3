package io.picaco.llm;

/** A model call that still failed after its retries; recorded on the item, never turned into a score. */
public class ModelCallException extends RuntimeException {
    private final Usage usage;

    public ModelCallException(String message, Usage usage, Throwable cause) {
        super(message, cause);
        this.usage = usage;
    }

    public Usage usage() {
        return usage;
    }
}
