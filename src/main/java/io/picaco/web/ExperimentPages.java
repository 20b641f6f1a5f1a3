package io.picaco.web;

import static io.picaco.web.ExperimentPageModels.*;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.picaco.api.RunConflictException;
import io.picaco.api.TooManyRunsException;
import io.picaco.core.BuiltInCompositions;
import io.picaco.core.Composition;
import io.picaco.experiment.ExperimentEstimate;
import io.picaco.experiment.ExperimentNotFoundException;
import io.picaco.experiment.ExperimentPlanner;
import io.picaco.experiment.ExperimentService;
import io.picaco.experiment.ExperimentView;
import io.picaco.experiment.ExperimentViews;
import io.picaco.models.ModelEndpoint;
import io.picaco.models.ModelEndpoints;
import io.picaco.store.Experiment;
import io.picaco.validation.ValidationException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

/**
 * The experiment pages: the list; the new-experiment form with its live estimate; and one experiment's progress,
 * the paper-style table (methods as columns, cells as rows, the best mean in bold, {@code mean [lo, hi]}), per cell a
 * grouped bar chart with interval whiskers and its tables (figures, tests, per-value means), the Friedman line and
 * links to every run. The page refreshes itself while the grid runs (static script; a noscript meta refresh).
 */
// Off in the functions profile (picaco.functions-only): step instances serve the four functions only.
@io.quarkus.resteasy.reactive.server.EndpointDisabled(name = "picaco.functions-only", stringValue = "true")
@io.picaco.auth.Redacted
@Path("/experiments")
@Produces(MediaType.TEXT_HTML)
public class ExperimentPages {
    private static final Logger LOG = Logger.getLogger(ExperimentPages.class);

    @Inject
    ExperimentViews views;
    @Inject
    ExperimentService experiments;
    @Inject
    ExperimentPlanner planner;
    @Inject
    ModelEndpoints endpoints;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ExperimentViews.Summary> experiments);

        static native TemplateInstance form(ExperimentForm form, List<Composition> compositions,
                List<MethodChoice> methods, List<ModelEndpoint> targets, RawString estimate);

        static native TemplateInstance estimate(ExperimentEstimate estimate, List<String> problems);

        static native TemplateInstance experiment(ExperimentView e, PaperTable paper, List<CellTable> cells,
                boolean finished);

        static native TemplateInstance notFound(String message);

        static native TemplateInstance error(String message);
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(views.list());
    }

    @GET
    @Path("new")
    public TemplateInstance newExperiment() {
        return form(ExperimentForm.blank());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> params) {
        ExperimentForm form = ExperimentForm.of(params);
        String op = params.getFirst("op");
        if ("estimate".equals(op)) {
            return page(200, form);
        }
        var request = form.toRequest();
        try {
            if (form.hasErrors()) {
                planner.plan(request); // to show every other problem as well; stores nothing
            } else {
                Experiment e = experiments.create(request);
                return Response.seeOther(URI.create("/experiments/" + e.id)).build();
            }
        } catch (ValidationException e) {
            form.addViolations(e.violations());
        } catch (TooManyRunsException e) {
            form.fail("grid", e.getMessage() + "; try again once some have finished");
            return page(429, form);
        }
        return page(400, form);
    }

    /** The estimate as an HTML fragment for the form's script; problems come back as a list, status 200. */
    @POST
    @Path("estimate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance estimate(MultivaluedMap<String, String> params) {
        return estimateFragment(ExperimentForm.of(params));
    }

    @GET
    @Path("{id}")
    public TemplateInstance experiment(@PathParam("id") String id) {
        ExperimentView e = views.view(id);
        List<String> methods = e.setup() != null && e.setup().methods() != null ? e.setup().methods()
                : e.cells().stream().flatMap(c -> c.methods().stream().map(ExperimentView.Method::method)).distinct()
                        .toList();
        List<CellTable> cells = new ArrayList<>();
        List<PaperRow> paper = new ArrayList<>();
        for (int i = 0; i < e.cells().size(); i++) {
            ExperimentView.Cell c = e.cells().get(i);
            cells.add(cell(c, i));
            Double best = best(c.methods().stream().map(ExperimentView.Method::mean).toList());
            List<Figure> figures = new ArrayList<>();
            for (String m : methods) {
                ExperimentView.Method x = method(c, m);
                Double mean = x == null ? null : x.mean();
                figures.add(new Figure(x == null ? "–" : withCi(mean, x.ci()), mean != null && mean.equals(best)));
            }
            paper.add(new PaperRow(c.composition() + " × " + c.target(), figures));
        }
        boolean finished = !e.status().equals("QUEUED") && !e.status().equals("RUNNING");
        return Templates.experiment(e, new PaperTable(methods, paper), cells, finished);
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@PathParam("id") String id) {
        try {
            experiments.cancel(id);
        } catch (RunConflictException e) {
            // finished in the meantime: the page shows how
        }
        return Response.seeOther(URI.create("/experiments/" + id)).build();
    }

    @ServerExceptionMapper
    public Response notFound(ExperimentNotFoundException e) {
        return html(404, Templates.notFound(e.getMessage()));
    }

    @ServerExceptionMapper
    public Response web(jakarta.ws.rs.WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return html(status, Templates.error(known == null ? "The request could not be handled (" + status + ")."
                : known.getReasonPhrase() + "."));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error on an experiment page", e);
        return html(500, Templates.error("Something went wrong on our side; see the server log."));
    }

    // ---- the form

    private Response page(int status, ExperimentForm form) {
        return html(status, form(form));
    }

    private TemplateInstance form(ExperimentForm form) {
        RawString estimate = new RawString(estimateFragment(ExperimentForm.of(form.asParams())).render());
        List<MethodChoice> methods = ExperimentPlanner.knownMethods().stream()
                .map(m -> new MethodChoice(m, describe(m))).toList();
        // targets: the target role's endpoint and any further named endpoint (which only a run's models name)
        List<ModelEndpoint> targets = endpoints.all().stream()
                .filter(x -> x.role() == null || x.role().equals("target")).toList();
        return Templates.form(form, BuiltInCompositions.all(), methods, targets, estimate);
    }

    private TemplateInstance estimateFragment(ExperimentForm form) {
        var request = form.toRequest();
        ExperimentEstimate estimate = null;
        try {
            if (form.hasErrors()) {
                planner.plan(request);
            } else {
                estimate = planner.plan(request).estimate();
            }
        } catch (ValidationException e) {
            form.addViolations(e.violations());
        }
        List<String> problems = form.problems().stream().map(RunForm.Problem::message).toList();
        return Templates.estimate(estimate, problems);
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render())
                .build();
    }
}
