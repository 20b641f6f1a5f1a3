package io.picaco.steps;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.llm.Role;
import io.picaco.models.ModelEndpoints;
import io.picaco.validation.ValidationException;

/** Which configured endpoint a step calls: the one named in its input, or the role's default. */
@ApplicationScoped
public class StepEndpoints {
    @Inject
    ModelEndpoints endpoints;

    String resolve(String requested, Role role) {
        if (requested == null) {
            return role.configName();
        }
        if (endpoints.find(requested).isEmpty()) {
            throw ValidationException.of("model", "unknown endpoint '" + requested + "'; configured: "
                    + String.join(", ", endpoints.names()));
        }
        return requested;
    }
}
