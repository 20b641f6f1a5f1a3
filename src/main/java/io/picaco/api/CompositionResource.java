package io.picaco.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.picaco.core.BuiltInCompositions;
import io.picaco.core.Composition;
import io.picaco.core.QuerySets;
import io.picaco.core.Tension;
import io.picaco.core.Value;

@io.picaco.auth.Redacted
@Path("/api/compositions")
@Produces(MediaType.APPLICATION_JSON)
public class CompositionResource {

    public record CompositionView(String id, String title, String description, List<Value> values,
            List<Tension> tensions, String querySet, int queries) {
        static CompositionView of(Composition c) {
            return new CompositionView(c.id(), c.title(), c.description(), c.values(), c.tensions(), c.querySet(),
                    QuerySets.load(c.querySet()).size());
        }
    }

    @GET
    public List<CompositionView> list() {
        return BuiltInCompositions.all().stream().map(CompositionView::of).toList();
    }

    @GET
    @Path("{id}")
    public CompositionView get(@PathParam("id") String id) {
        return BuiltInCompositions.find(id).map(CompositionView::of)
                .orElseThrow(() -> new NotFoundException("no composition with id '" + id + "'"));
    }
}
