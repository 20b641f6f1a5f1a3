package io.picaco.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * No two entries of the annotated list share an id (of {@link Identified} entries, or the strings themselves);
 * the violation names the later entry, e.g. {@code values[1].id} or {@code values[1]}.
 */
@Target({ FIELD, PARAMETER })
@Retention(RUNTIME)
@Constraint(validatedBy = DistinctValidator.class)
public @interface Distinct {
    /** What the entries are, for the message: "duplicate value id 'care'". */
    String value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
