package io.picaco.experiment;

public class ExperimentNotFoundException extends RuntimeException {
    public ExperimentNotFoundException(String id) {
        super("no experiment with id '" + id + "'");
    }
}
