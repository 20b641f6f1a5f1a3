package io.picaco.validation;

/** An entry of a request list that carries an id; {@link Distinct} checks that no two share one. */
public interface Identified {
    String id();
}
