package io.picaco.steps;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.picaco.validation.JsonErrors;
import io.picaco.validation.Problem;
import io.picaco.validation.ValidationException;
import io.picaco.validation.Violation;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Funqy answers bad input with a bare 400 and exceptions with a 500 page; this failure handler turns both into
 * {@code application/problem+json} that names the field, and never shows a stack trace.
 */
@ApplicationScoped
public class StepErrorHandler {
    private static final Logger LOG = Logger.getLogger(StepErrorHandler.class);
    static final Map<String, Class<?>> INPUTS = Map.of("/propose", ProposeInput.class, "/sample", SampleInput.class,
            "/score", ScoreInput.class, "/select", SelectInput.class);

    @Inject
    ObjectMapper json;

    void register(@Observes Router router) {
        INPUTS.keySet().forEach(path -> router.route(path).failureHandler(this::handle));
    }

    void handle(RoutingContext ctx) {
        ValidationException invalid = find(ctx.failure());
        Problem problem;
        if (invalid != null) {
            problem = Problem.badRequest(invalid.violations());
        } else if (ctx.failure() == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            problem = ctx.statusCode() == 400 ? unreadableBody(ctx) : Problem.of(ctx.statusCode(), "Request rejected", null);
        } else {
            LOG.error("step " + ctx.normalizedPath() + " failed", ctx.failure());
            problem = Problem.of(500, "Internal error", "The step failed unexpectedly; see the server log.");
        }
        try {
            ctx.response().setStatusCode(problem.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(500).end();
        }
    }

    /** Funqy does not say why it could not read the body; reading it again with the same type does. */
    private Problem unreadableBody(RoutingContext ctx) {
        Class<?> type = INPUTS.get(ctx.normalizedPath());
        String body = ctx.body() == null ? null : ctx.body().asString();
        try {
            json.readValue(body == null ? "" : body, type);
            return Problem.badRequest(List.of(new Violation("body", "is not a valid request")));
        } catch (JsonProcessingException e) {
            return Problem.badRequest(JsonErrors.violations(e));
        } catch (Exception e) {
            return Problem.badRequest(List.of(new Violation("body", "is not well-formed JSON")));
        }
    }

    private static ValidationException find(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof ValidationException v) {
                return v;
            }
        }
        return null;
    }
}
