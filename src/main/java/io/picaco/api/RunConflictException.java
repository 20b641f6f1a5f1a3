package io.picaco.api;

public class RunConflictException extends RuntimeException {
    public RunConflictException(String message) {
        super(message);
    }
}
