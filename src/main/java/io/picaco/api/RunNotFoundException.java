package io.picaco.api;

public class RunNotFoundException extends RuntimeException {
    public RunNotFoundException(String id) {
        super("no run with id '" + id + "'");
    }
}
