package io.picaco.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects violations so a request reports all of its problems at once: those of the Bean Validation constraints
 * ({@link Inputs}) and those of the rules across fields that code checks.
 */
public final class Checks {
    /** Most violations reported: a body of a million bad entries must not come back as a million messages. */
    static final int MAX_VIOLATIONS = 50;
    private final List<Violation> violations = new ArrayList<>();
    private int more;

    public Checks fail(String field, String message) {
        if (violations.size() < MAX_VIOLATIONS) {
            violations.add(new Violation(field, message));
        } else {
            more++;
        }
        return this;
    }

    public boolean require(boolean ok, String field, String message) {
        if (!ok) {
            fail(field, message);
        }
        return ok;
    }

    public boolean present(Object value, String field) {
        return require(value != null, field, "is required");
    }

    public void text(String s, int max, String field) {
        if (require(s != null && !s.isBlank(), field, "must not be empty")) {
            require(s.length() <= max, field, "must be at most " + max + " characters");
        }
    }

    public boolean ok() {
        return violations.isEmpty();
    }

    public void throwIfAny() {
        if (!violations.isEmpty()) {
            List<Violation> all = new ArrayList<>(violations);
            if (more > 0) {
                all.add(new Violation("body", "and " + more + " more problems like these"));
            }
            throw new ValidationException(all);
        }
    }
}
