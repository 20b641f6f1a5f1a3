package io.picaco.models;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

// Off in the functions profile (picaco.functions-only): step instances serve the four functions only.
@io.quarkus.resteasy.reactive.server.EndpointDisabled(name = "picaco.functions-only", stringValue = "true")
@io.picaco.auth.Redacted
@Path("/api/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Models", description = "The configured model endpoints")
public class ModelResource {
    /** The example shown in /q/openapi. */
    static final String EXAMPLE = """
            [{"name": "judge", "role": "judge", "model": "sim-judge", "baseUrl": "http://localhost:8080/sim/v1",
              "simulated": true, "apiKeyConfigured": false, "timeout": "PT1M", "concurrency": 8}]""";

    @Inject
    ModelEndpoints endpoints;

    @GET
    @Operation(summary = "Every configured endpoint and what is wrong with it",
            description = "Model, base URL, limits and prices; never a key, only whether one is set. For an endpoint"
                    + " outside this app, whether its host answered (reachable) and when that was checked (lastChecked,"
                    + " an ISO-8601 instant); the check is repeated once it is older than picaco.models.reachability-ttl.")
    @APIResponse(responseCode = "200", description = "One entry per endpoint",
            content = @Content(schema = @Schema(implementation = ModelEndpoint.class, type = SchemaType.ARRAY),
                    examples = @ExampleObject(name = "simulated", value = EXAMPLE)))
    public List<ModelEndpoint> list() {
        return endpoints.all();
    }
}
