package io.picaco.core;

/** Two values that pull against each other (opposite on Schwartz's circle, or a known HH trade-off). */
public record Tension(String a, String b, String why) {
    public boolean involves(String valueId) {
        return a.equals(valueId) || b.equals(valueId);
    }
}
