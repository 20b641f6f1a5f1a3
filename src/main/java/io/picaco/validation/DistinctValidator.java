package io.picaco.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Reports each entry whose id an earlier entry already has; blank ids are left to {@code @NotBlank}. */
public class DistinctValidator implements ConstraintValidator<Distinct, List<?>> {
    private String what;

    @Override
    public void initialize(Distinct annotation) {
        what = annotation.value();
    }

    @Override
    public boolean isValid(List<?> list, ConstraintValidatorContext ctx) {
        if (list == null) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            Object e = list.get(i);
            boolean identified = e instanceof Identified;
            String id = identified ? ((Identified) e).id() : e instanceof String s ? s : null;
            if (id == null || id.isBlank() || seen.add(id)) {
                continue;
            }
            if (ok) {
                ctx.disableDefaultConstraintViolation();
                ok = false;
            }
            String message = "duplicate " + what + " '" + Violation.shorten(id, 80) + "'";
            var v = ctx.buildConstraintViolationWithTemplate(escape(message));
            if (identified) {
                v.addPropertyNode("id").inIterable().atIndex(i).addConstraintViolation();
            } else {
                v.addContainerElementNode("<list element>", List.class, 0).inIterable().atIndex(i)
                        .addConstraintViolation();
            }
        }
        return ok;
    }

    /** The id is the client's text: the message interpolator must not read braces or dollars in it. */
    static String escape(String s) {
        return s.replaceAll("([\\\\{}$])", "\\\\$1");
    }
}
