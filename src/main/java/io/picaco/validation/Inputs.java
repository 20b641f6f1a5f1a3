package io.picaco.validation;

import java.util.Comparator;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;

/**
 * Validates a request record against its Bean Validation constraints and reports each violation under its JSON
 * path ({@code values[1].definition}, {@code weights.care}), so the API, the form and the step functions answer
 * alike. Called by the code that reads a request, not through {@code @Valid} on resource methods: the run form and
 * the Funqy step functions have no such hook, and the cross-field rules (a composition or values, held-out share
 * against the query count) must join the same list of violations.
 */
@ApplicationScoped
public class Inputs {
    /** Sizes of lists, checked first: a list of a million entries is refused before any entry is looked at. */
    public interface Shape {
    }

    @Inject
    Validator validator;
    @Inject
    Limits limits;

    public Limits limits() {
        return limits;
    }

    /** A new {@link Checks} holding the violations of {@code request}'s constraints (none for null). */
    public Checks check(Object request) {
        Checks c = new Checks();
        if (request == null) {
            return c;
        }
        Set<ConstraintViolation<Object>> found = validator.validate(request, Shape.class);
        if (found.isEmpty()) {
            found = validator.validate(request, Default.class);
        }
        found.stream().sorted(Comparator.comparing((ConstraintViolation<Object> v) -> path(v.getPropertyPath()))
                .thenComparing(ConstraintViolation::getMessage))
                .forEach(v -> c.fail(path(v.getPropertyPath()), v.getMessage()));
        return c;
    }

    /** Throws a {@link ValidationException} listing every violation of {@code request}'s constraints. */
    public void validate(Object request) {
        check(request).throwIfAny();
    }

    /** The JSON path of a property path: {@code values[1].name}, {@code queries[3]}, {@code weights.care}. */
    static String path(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node n : path) {
            if (n.isInIterable()) {
                if (n.getIndex() != null) {
                    sb.append('[').append(n.getIndex()).append(']');
                } else if (n.getKey() != null) {
                    sb.append('.').append(n.getKey());
                }
            }
            if (n.getKind() == ElementKind.PROPERTY && n.getName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(n.getName());
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }
}
