package io.picaco.api;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.picaco.validation.Problem;
import io.picaco.validation.ValidationException;
import io.picaco.validation.JsonErrors;

/** Every API error is {@code application/problem+json}; none carries a stack trace. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    static Response problem(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    @ServerExceptionMapper
    public Response invalid(ValidationException e) {
        return problem(Problem.badRequest(e.violations()));
    }

    @ServerExceptionMapper
    public Response notFound(RunNotFoundException e) {
        return problem(Problem.of(404, "Not found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response conflict(RunConflictException e) {
        return problem(Problem.of(409, "Conflict", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response tooMany(TooManyRunsException e) {
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", TooManyRunsException.RETRY_AFTER_SECONDS)
                .entity(Problem.of(429, "Too many runs", e.getMessage())).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(JsonProcessingException e) {
        return problem(Problem.badRequest(JsonErrors.violations(e)));
    }

    /** More specific than JsonProcessingException, so it beats the extension's own mapper for wrong types. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException j) {
                return unreadable(j);
            }
        }
        int status = e.getResponse().getStatus();
        return problem(Problem.of(status, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), e.getMessage()));
    }

    /** A body the framework could not read (e.g. a multipart body cut short): the client's fault, not ours. */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e) {
        return problem(Problem.badRequest(List.of(new io.picaco.validation.Violation("body",
                "could not be read: it is malformed or incomplete"))));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error", e);
        return problem(Problem.of(500, "Internal error", "Something went wrong on our side; see the server log."));
    }
}
