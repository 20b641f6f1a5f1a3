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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.picaco.store.Run;
import io.picaco.validation.Problem;
import io.picaco.validation.ValidationException;

// Off in the functions profile (picaco.functions-only): step instances serve the four functions only.
@io.quarkus.resteasy.reactive.server.EndpointDisabled(name = "picaco.functions-only", stringValue = "true")
@io.picaco.auth.Redacted
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs", description = "Start, watch, cancel and export optimization runs")
@APIResponse(responseCode = "400", description = "Bad input; nothing changed. Each violation names its field.",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "invalid", value = ApiExamples.PROBLEM)))
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
    @Operation(summary = "Start a run", description = "A built-in composition or custom values, and optional "
            + "parameters (a preset's defaults otherwise). Answers 201 with the run's id and Location.")
    @APIResponse(responseCode = "201", description = "Queued",
            content = @Content(schema = @Schema(implementation = ApiExamples.Created.class),
                    examples = @ExampleObject(name = "queued", value = ApiExamples.CREATED)))
    public Response create(@RequestBody(content = @Content(examples = @ExampleObject(name = "quick",
            value = ApiExamples.RUN_REQUEST))) RunRequest request) {
        Run run = runs.create(request);
        return Response.created(URI.create("/api/runs/" + run.id))
                .entity(Map.of("id", run.id, "status", run.status.name())).build();
    }

    /** What a run with these settings is expected to cost; validates exactly like a start, stores nothing. */
    @POST
    @Path("estimate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Estimate a run's calls, tokens and cost",
            description = "Validates exactly like a start and stores nothing.")
    @APIResponse(responseCode = "200", description = "The expected calls per role, tokens and cost (US dollars)",
            content = @Content(schema = @Schema(implementation = EstimateView.class),
                    examples = @ExampleObject(name = "quick", value = ApiExamples.ESTIMATE)))
    public EstimateView estimate(@RequestBody(content = @Content(examples = @ExampleObject(name = "quick",
            value = ApiExamples.RUN_REQUEST))) RunRequest request) {
        return EstimateView.of(resolver.resolve(request), endpoints);
    }

    @GET
    @Operation(summary = "List every run, newest first")
    @APIResponse(responseCode = "200", description = "One summary per run",
            content = @Content(schema = @Schema(implementation = RunSummary.class, type = SchemaType.ARRAY),
                    examples = @ExampleObject(name = "one run", value = ApiExamples.RUN_LIST)))
    public List<RunSummary> list() {
        return views.list();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A run: status, progress, best instruction, trajectory, evaluation and usage")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(schema = @Schema(implementation = RunView.class),
                    examples = @ExampleObject(name = "running", value = ApiExamples.RUN_VIEW)))
    @APIResponse(responseCode = "404", description = "No run with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunView get(@PathParam("id") String id) {
        return views.view(id);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a queued or running run")
    @APIResponse(responseCode = "200", description = "The run, now cancelled",
            content = @Content(schema = @Schema(implementation = RunView.class),
                    examples = @ExampleObject(name = "cancelled", value = ApiExamples.RUN_CANCELLED)))
    @APIResponse(responseCode = "404", description = "No run with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The run has already finished",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunView cancel(@PathParam("id") String id) {
        runs.cancel(id);
        return views.view(id);
    }

    @GET
    @Path("{id}/export")
    @Produces({ MediaType.APPLICATION_JSON, "text/markdown", "text/csv" })
    @Operation(summary = "Export a run as JSON, Markdown or CSV", description = "Every instruction, both pools (query, "
            + "response, ratings, reasons, redundancy, τ) and the step log; sent as an attachment.")
    @APIResponse(responseCode = "200", description = "The export", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunExport.class),
                    examples = @ExampleObject(name = "json", value = ApiExamples.EXPORT_JSON)),
            @Content(mediaType = "text/markdown", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "markdown", value = ApiExamples.EXPORT_MARKDOWN)) })
    @APIResponse(responseCode = "404", description = "No run with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
