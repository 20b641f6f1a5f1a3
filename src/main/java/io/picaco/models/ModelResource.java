package io.picaco.models;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@io.picaco.auth.Redacted
@Path("/api/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {
    @Inject
    ModelEndpoints endpoints;

    @GET
    public List<ModelEndpoint> list() {
        return endpoints.all();
    }
}
