package io.picaco.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.picaco.store.Run;
import io.picaco.validation.ValidationException;

@io.picaco.auth.Redacted
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {
    @Inject
    RunService runs;
    @Inject
    RunViews views;
    @Inject
    RunExports exports;
    @Inject
    RunSpecResolver resolver;
    @Inject
    io.picaco.models.ModelEndpoints endpoints;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(RunRequest request) {
        Run run = runs.create(request);
        return Response.created(URI.create("/api/runs/" + run.id))
                .entity(Map.of("id", run.id, "status", run.status.name())).build();
    }

    /** What a run with these settings is expected to cost; validates exactly like a start, stores nothing. */
    @POST
    @Path("estimate")
    @Consumes(MediaType.APPLICATION_JSON)
    public EstimateView estimate(RunRequest request) {
        return EstimateView.of(resolver.resolve(request), endpoints);
    }

    @GET
    public List<RunSummary> list() {
        return views.list();
    }

    @GET
    @Path("{id}")
    public RunView get(@PathParam("id") String id) {
        return views.view(id);
    }

    @POST
    @Path("{id}/cancel")
    public RunView cancel(@PathParam("id") String id) {
        runs.cancel(id);
        return views.view(id);
    }

    @GET
    @Path("{id}/export")
    @Produces({ MediaType.APPLICATION_JSON, "text/markdown", "text/csv" })
    public Response export(@PathParam("id") String id, @QueryParam("format") @DefaultValue("json") String format) {
        return switch (format) {
            case "json" -> Response.ok(exports.json(id), MediaType.APPLICATION_JSON)
                    .header("Content-Disposition", "attachment; filename=\"picaco-run-" + id + ".json\"").build();
            case "markdown", "md" -> Response.ok(exports.markdown(id), "text/markdown; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"picaco-run-" + id + ".md\"").build();
            case "csv" -> Response.ok(exports.csv(id), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"picaco-run-" + id + "-instructions.csv\"").build();
            default -> throw ValidationException.of("format", "must be 'json', 'markdown' or 'csv'");
        };
    }
}
