package io.picaco.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import io.picaco.api.RunConflictException;
import io.picaco.api.RunNotFoundException;
import io.picaco.api.RunService;
import io.picaco.api.RunSpecResolver;
import io.picaco.api.RunViews;
import io.picaco.conductor.RunSpec;
import io.picaco.core.BuiltInCompositions;
import io.picaco.core.Composition;
import io.picaco.core.Estimate;
import io.picaco.models.ModelEndpoint;
import io.picaco.models.ModelEndpoints;
import io.picaco.store.Run;
import io.picaco.validation.Limits;
import io.picaco.validation.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

/** The runs list, the new-run form and the run page. */
// Off in the functions profile (picaco.functions-only): step instances serve the four functions only.
@io.quarkus.resteasy.reactive.server.EndpointDisabled(name = "picaco.functions-only", stringValue = "true")
@io.picaco.auth.Redacted
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class RunPages {
    private static final Logger LOG = Logger.getLogger(RunPages.class);

    @Inject
    RunViews views;
    @Inject
    RunService runs;
    @Inject
    RunSpecResolver resolver;
    @Inject
    RunPageModels models;
    @Inject
    ModelEndpoints endpoints;
    @Inject
    Limits limits;

    /** Expected cost of the settings on the form. */
    public record EstimateInfo(long calls, long targetCalls, long optimizerCalls, long judgeCalls, long evaluatorCalls,
            long inputTokens,
            long outputTokens, long tokens, int trainingQueries, int heldOutQueries) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<RunRow> runs, boolean simulated);

        static native TemplateInstance form(RunForm form, List<Composition> compositions,
                List<ModelEndpoint> endpoints, List<FormParams.Param> params, RawString estimate, String fromId);

        static native TemplateInstance estimate(EstimateInfo estimate, List<String> problems);

        static native TemplateInstance run(RunPage page, RawString live);

        static native TemplateInstance live(RunPage.Live live);

        static native TemplateInstance notFound(String message);

        static native TemplateInstance error(String message);
    }

    @GET
    public TemplateInstance index() {
        List<RunRow> rows = views.list().stream().map(RunRow::of).toList();
        return Templates.index(rows, rows.stream().anyMatch(RunRow::simulated));
    }

    @GET
    @Path("runs/new")
    public TemplateInstance newRun(@QueryParam("from") String from, @QueryParam("composition") String composition) {
        RunForm form = from == null || from.isBlank() ? RunForm.blank() : RunForm.from(RunViews.spec(views.find(from)), limits);
        if ((from == null || from.isBlank()) && composition != null && BuiltInCompositions.find(composition).isPresent()) {
            form.set("composition", composition);
        }
        return form(form, from);
    }

    @POST
    @Path("runs")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response submitMultipart(MultipartFormDataInput input) {
        return submit(FormUploads.form(input));
    }

    @POST
    @Path("runs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submitForm(MultivaluedMap<String, String> params) {
        return submit(RunForm.of(params));
    }

    /** The estimate as an HTML fragment for the form's script; errors come back as a list, status 200. */
    @POST
    @Path("runs/estimate")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TemplateInstance estimateMultipart(MultipartFormDataInput input) {
        return estimateFragment(FormUploads.form(input));
    }

    @POST
    @Path("runs/estimate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance estimateForm(MultivaluedMap<String, String> params) {
        return estimateFragment(RunForm.of(params));
    }

    @GET
    @Path("runs/{id}")
    public TemplateInstance run(@PathParam("id") String id, @QueryParam("pool") String pool,
            @QueryParam("value") String value, @QueryParam("sort") String sort) {
        RunPage page = models.page(id, pool, value, sort);
        return Templates.run(page, new RawString(Templates.live(page.live()).render()));
    }

    @GET
    @Path("runs/{id}/live")
    public TemplateInstance live(@PathParam("id") String id) {
        return Templates.live(models.live(id));
    }

    @POST
    @Path("runs/{id}/cancel")
    public Response cancel(@PathParam("id") String id) {
        try {
            runs.cancel(id);
        } catch (RunConflictException e) {
            // finished in the meantime: the page shows how
        }
        return Response.seeOther(URI.create("/runs/" + id)).build();
    }

    @ServerExceptionMapper
    public Response notFound(RunNotFoundException e) {
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.notFound(e.getMessage()).render()).build();
    }

    @ServerExceptionMapper
    public Response tooMany(io.picaco.api.TooManyRunsException e) {
        return Response.status(429).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Retry-After", io.picaco.api.TooManyRunsException.RETRY_AFTER_SECONDS)
                .entity(Templates.error(e.getMessage() + ".").render()).build();
    }

    @ServerExceptionMapper
    public Response web(jakarta.ws.rs.WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(known == null ? "The request could not be handled (" + status + ")."
                        : known.getReasonPhrase() + ".").render())
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error on a page", e);
        return Response.status(500).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error("Something went wrong on our side; see the server log.").render()).build();
    }

    // ---- the form

    Response submit(RunForm form) {
        String op = form.value("op");
        if (op.equals("add-value")) {
            form.set("source", RunForm.CUSTOM);
            form.addRow();
            return page(200, form);
        }
        if (op.startsWith("remove-value-")) {
            try {
                form.removeRow(Integer.parseInt(op.substring("remove-value-".length())));
            } catch (NumberFormatException e) {
                // ignore a forged button value
            }
            return page(200, form);
        }
        if (op.equals("estimate")) {
            return page(200, form);
        }
        var request = form.toRequest();
        try {
            if (form.hasErrors()) {
                resolver.resolve(request);
            } else {
                Run run = runs.create(request);
                return Response.seeOther(URI.create("/runs/" + run.id)).build();
            }
        } catch (ValidationException e) {
            form.addViolations(e.violations());
        }
        return page(400, form);
    }

    private Response page(int status, RunForm form) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(form(form, form.value("from").isBlank() ? null : form.value("from")).render()).build();
    }

    private TemplateInstance form(RunForm form, String from) {
        RawString estimate = new RawString(estimateFragment(RunForm.of(form.asParams())).render());
        return Templates.form(form, BuiltInCompositions.all(), endpoints.all(), FormParams.all(limits), estimate,
                from);
    }

    private TemplateInstance estimateFragment(RunForm form) {
        var request = form.toRequest();
        List<String> problems = new ArrayList<>();
        EstimateInfo info = null;
        try {
            if (form.hasErrors()) {
                resolver.resolve(request);
            } else {
                RunSpec spec = resolver.resolve(request);
                Estimate e = spec.estimate();
                info = new EstimateInfo(e.calls(), e.targetCalls(), e.optimizerCalls(), e.judgeCalls(),
                        e.evaluatorCalls(), e.inputTokens(), e.outputTokens(), e.tokens(), spec.training().size(), spec.heldOut().size());
            }
        } catch (ValidationException e) {
            form.addViolations(e.violations());
        }
        form.problems().forEach(p -> problems.add(p.message()));
        return Templates.estimate(info, problems);
    }
}
