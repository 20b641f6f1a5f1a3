package io.picaco.validation;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.config.SmallRyeConfig;

/** The validators of {@link Within}, one per kind of value; null always passes ({@code @NotNull} says otherwise). */
public abstract class WithinValidator<T> implements ConstraintValidator<Within, T> {
    Bound bound;
    boolean blank;
    /** In the group {@link Inputs.Shape}: sizes are held to their maximum only. */
    boolean maxOnly;

    @Override
    public void initialize(Within annotation) {
        bound = annotation.value();
        blank = annotation.blank();
        maxOnly = Arrays.asList(annotation.groups()).contains(Inputs.Shape.class);
    }

    @Override
    public boolean isValid(T value, ConstraintValidatorContext ctx) {
        String problem = value == null ? null : problem(value, limits());
        if (problem != null) {
            ctx.disableDefaultConstraintViolation();
            // only numbers in the message, so nothing to escape for the message interpolator
            ctx.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        }
        return problem == null;
    }

    abstract String problem(T value, Limits limits);

    /**
     * Read when validating, not injected when the validator is made: Quarkus builds the validator factory at static
     * init, before the runtime configuration (and so the mapping) exists.
     */
    static Limits limits() {
        return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(Limits.class);
    }

    String size(int size, Limits limits) {
        int min = (int) bound.min(limits);
        int max = (int) bound.max(limits);
        return (maxOnly || size >= min) && size <= max ? null
                : min == 0 ? "must have at most " + max + " entries"
                        : "must have between " + min + " and " + max + " entries";
    }

    public static class ForNumber extends WithinValidator<Number> {
        @Override
        String problem(Number value, Limits limits) {
            return bound.contains(limits, value.doubleValue()) ? null : bound.numberMessage(limits);
        }
    }

    public static class ForText extends WithinValidator<CharSequence> {
        @Override
        String problem(CharSequence value, Limits limits) {
            int max = (int) bound.max(limits);
            if (!blank && value.toString().isBlank()) {
                return "must not be empty";
            }
            return value.length() <= max ? null : "must be at most " + max + " characters";
        }
    }

    public static class ForCollection extends WithinValidator<Collection<?>> {
        @Override
        String problem(Collection<?> value, Limits limits) {
            return size(value.size(), limits);
        }
    }

    public static class ForMap extends WithinValidator<Map<?, ?>> {
        @Override
        String problem(Map<?, ?> value, Limits limits) {
            return size(value.size(), limits);
        }
    }
}
