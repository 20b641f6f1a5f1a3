package io.picaco.experiment;

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
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.picaco.store.Experiment;
import io.picaco.validation.Problem;
import io.picaco.validation.ValidationException;

/** The experiments API (ARCHITECTURE.md, "Experiments"; the request contract is fixed: outside checks call it). */
// Off in the functions profile (picaco.functions-only): step instances serve the four functions only.
@io.quarkus.resteasy.reactive.server.EndpointDisabled(name = "picaco.functions-only", stringValue = "true")
@io.picaco.auth.Redacted
@Path("/api/experiments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Experiments", description = "Compare methods over a grid of runs, with confidence intervals and tests")
@APIResponse(responseCode = "400", description = "Bad input; nothing stored. Each violation names its field.",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "invalid", value = """
                        {"title": "Invalid request", "status": 400, "detail": "methods[1]: unknown method 'oprah'",
                         "violations": [{"field": "methods[1]", "message": "unknown method 'oprah'; known: bare, q+if, picaco"}]}""")))
public class ExperimentResource {
    @Inject
    ExperimentService experiments;
    @Inject
    ExperimentPlanner planner;
    @Inject
    ExperimentViews views;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start an experiment", description = "A grid of ordinary runs: every method × composition × "
            + "target × repeat (bare and q+if are evaluated on the other methods' runs). Answers 201 with the "
            + "experiment's id, status and number of runs, and Location.")
    @APIResponse(responseCode = "201", description = "Queued",
            content = @Content(schema = @Schema(implementation = ExperimentExamples.Created.class),
                    examples = @ExampleObject(name = "queued", value = ExperimentExamples.CREATED)))
    public Response create(@RequestBody(content = @Content(examples = @ExampleObject(name = "quick",
            value = ExperimentExamples.REQUEST))) ExperimentRequest request) {
        Experiment e = experiments.create(request);
        int runs = ExperimentViews.plan(e).runs().size();
        return Response.created(URI.create("/api/experiments/" + e.id))
                .entity(Map.of("id", e.id, "status", "QUEUED", "runs", runs)).build();
    }

    @POST
    @Path("estimate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Estimate a whole grid's calls, tokens and cost",
            description = "Validates exactly like a start and stores nothing.")
    @APIResponse(responseCode = "200", description = "The grid's expected calls, tokens and cost (US dollars)",
            content = @Content(schema = @Schema(implementation = ExperimentEstimate.class),
                    examples = @ExampleObject(name = "quick", value = ExperimentExamples.ESTIMATE)))
    public ExperimentEstimate estimate(@RequestBody(content = @Content(examples = @ExampleObject(name = "quick",
            value = ExperimentExamples.REQUEST))) ExperimentRequest request) {
        return planner.plan(request).estimate();
    }

    @GET
    @Operation(summary = "List every experiment, newest first")
    @APIResponse(responseCode = "200", description = "One summary per experiment",
            content = @Content(schema = @Schema(implementation = ExperimentViews.Summary.class,
                    type = SchemaType.ARRAY), examples = @ExampleObject(name = "one", value = ExperimentExamples.LIST)))
    public List<ExperimentViews.Summary> list() {
        return views.list();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An experiment: status, progress, and per cell every method's figures with CIs and tests")
    @APIResponse(responseCode = "200", description = "The experiment",
            content = @Content(schema = @Schema(implementation = ExperimentView.class),
                    examples = @ExampleObject(name = "done", value = ExperimentExamples.VIEW)))
    @APIResponse(responseCode = "404", description = "No experiment with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExperimentView get(@PathParam("id") String id) {
        return views.view(id);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel an experiment: every run of it not yet finished")
    @APIResponse(responseCode = "200", description = "The experiment, now cancelled",
            content = @Content(schema = @Schema(implementation = ExperimentView.class),
                    examples = @ExampleObject(name = "cancelled", value = ExperimentExamples.VIEW)))
    @APIResponse(responseCode = "404", description = "No experiment with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Every run of the experiment has finished already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExperimentView cancel(@PathParam("id") String id) {
        experiments.cancel(id);
        return views.view(id);
    }

    @GET
    @Path("{id}/report")
    @Produces({ MediaType.APPLICATION_JSON, "text/markdown", "text/csv" })
    @Operation(summary = "The experiment's report as Markdown, CSV or JSON",
            description = "Markdown: a header (evaluator, queries, repeats, units) and a table per cell with the "
                    + "Friedman line; CSV: one row per cell × method; JSON: the GET body. Sent as an attachment.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = "text/markdown", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "markdown", value = ExperimentExamples.MARKDOWN)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExperimentView.class),
                    examples = @ExampleObject(name = "json", value = ExperimentExamples.VIEW)) })
    @APIResponse(responseCode = "404", description = "No experiment with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response report(@PathParam("id") String id, @QueryParam("format") @DefaultValue("markdown") String format) {
        String file = "picaco-experiment-" + id;
        return switch (format) {
            case "json" -> Response.ok(views.view(id), MediaType.APPLICATION_JSON)
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".json\"").build();
            case "markdown", "md" -> Response.ok(ExperimentReports.markdown(views.view(id)),
                    "text/markdown; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".md\"").build();
            case "csv" -> Response.ok(ExperimentReports.csvTable(views.view(id)), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"").build();
            default -> throw ValidationException.of("format", "must be 'markdown', 'csv' or 'json'");
        };
    }

    @ServerExceptionMapper
    public Response notFound(ExperimentNotFoundException e) {
        return Response.status(404).type(Problem.MEDIA_TYPE).entity(Problem.of(404, "Not found", e.getMessage()))
                .build();
    }
}
