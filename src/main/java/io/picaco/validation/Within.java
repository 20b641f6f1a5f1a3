package io.picaco.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated number, text length or collection size lies in the {@link Bound}'s range, read from
 * {@link Limits} when validating. A constraint whose validator reads the configuration mapping keeps the rule
 * declared on the record (so the API, the form and the steps share it) while the numbers stay in one place and
 * change with configuration; the built-in {@code @Max(50)} could only hold a compile-time constant.
 *
 * <p>In the group {@link Inputs.Shape} a list's size is held to its maximum only, so that a list of a million
 * entries is refused before they are looked at, while a list with too few entries is reported with every other
 * problem of the request. Lists therefore carry it twice: {@code @Within(value = VALUES, groups = Shape.class)
 * @Within(VALUES)}.
 */
@Target({ FIELD, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
@Repeatable(Within.List.class)
@Constraint(validatedBy = { WithinValidator.ForNumber.class, WithinValidator.ForText.class,
        WithinValidator.ForCollection.class, WithinValidator.ForMap.class })
public @interface Within {
    Bound value();

    /** For texts: whether a present text may be blank (absent, null, is always allowed: see {@code @NotBlank}). */
    boolean blank() default true;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    @Target({ FIELD, PARAMETER, TYPE_USE })
    @Retention(RUNTIME)
    @interface List {
        Within[] value();
    }
}
