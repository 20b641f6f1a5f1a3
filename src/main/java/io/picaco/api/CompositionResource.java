package io.picaco.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.picaco.core.BuiltInCompositions;
import io.picaco.core.Composition;
import io.picaco.core.QuerySets;
import io.picaco.core.Tension;
import io.picaco.core.Value;

// Off in the functions profile (picaco.functions-only): step instances serve the four functions only.
@io.quarkus.resteasy.reactive.server.EndpointDisabled(name = "picaco.functions-only", stringValue = "true")
@io.picaco.auth.Redacted
@Path("/api/compositions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compositions", description = "The built-in value sets")
public class CompositionResource {

    public record CompositionView(String id, String title, String description, List<Value> values,
            List<Tension> tensions, String querySet, int queries) {
        static CompositionView of(Composition c) {
            return new CompositionView(c.id(), c.title(), c.description(), c.values(), c.tensions(), c.querySet(),
                    QuerySets.load(c.querySet()).size());
        }
    }

    @GET
    @Operation(summary = "The built-in value sets, their definitions and known tensions")
    @APIResponse(responseCode = "200", description = "Every built-in composition",
            content = @Content(schema = @Schema(implementation = CompositionView.class, type = SchemaType.ARRAY),
                    examples = @ExampleObject(name = "compositions", value = ApiExamples.COMPOSITIONS)))
    public List<CompositionView> list() {
        return BuiltInCompositions.all().stream().map(CompositionView::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One built-in value set")
    @APIResponse(responseCode = "200", description = "The composition",
            content = @Content(schema = @Schema(implementation = CompositionView.class),
                    examples = @ExampleObject(name = "confucianism-4", value = ApiExamples.COMPOSITION)))
    @APIResponse(responseCode = "404", description = "No built-in composition with this id")
    public CompositionView get(@PathParam("id") String id) {
        return BuiltInCompositions.find(id).map(CompositionView::of)
                .orElseThrow(() -> new NotFoundException("no composition with id '" + id + "'"));
    }
}
