package io.picaco.validation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.picaco.auth.Secrets;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** An RFC 9457 problem document ({@code application/problem+json}). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {
    public Problem {
        detail = Violation.shorten(Secrets.redact(detail), 2000);
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem badRequest(List<Violation> violations) {
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid input");
        return new Problem("about:blank", "Invalid input", 400, detail, violations);
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }
}
