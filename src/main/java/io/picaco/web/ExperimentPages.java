package io.picaco.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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
import io.picaco.conductor.MethodName;
import io.picaco.core.BuiltInCompositions;
import io.picaco.core.Composition;
import io.picaco.experiment.ExperimentEstimate;
import io.picaco.experiment.ExperimentNotFoundException;
import io.picaco.experiment.ExperimentPlanner;
import io.picaco.experiment.ExperimentService;
import io.picaco.experiment.ExperimentView;
import io.picaco.experiment.ExperimentViews;
import io.picaco.experiment.stats.CellReport;
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
    /** Ratings are on a 1–5 scale: the charts' axis. */
    static final double SCALE_MIN = 1;
    static final double SCALE_MAX = 5;

    @Inject
    ExperimentViews views;
    @Inject
    ExperimentService experiments;
    @Inject
    ExperimentPlanner planner;
    @Inject
    ModelEndpoints endpoints;

    /** One method's row in a cell's table, formatted. */
    public record Row(String method, String mean, boolean best, String min, String cv, String redundancy,
            String meanRank, String diff, String p, String pHolm, long calls) {
    }

    /** A value's mean per method (in the table's method order), the best in bold. */
    public record ValueMeans(String value, List<Figure> means) {
    }

    /** One formatted figure and whether it is the best of its row. */
    public record Figure(String text, boolean best) {
    }

    public record CellTable(String composition, String target, int units, int unitsDropped, List<Row> rows,
            String friedman, RawString chart, List<String> methods, List<ValueMeans> perValue) {
    }

    /** The paper's table: one row per cell, one column per method. */
    public record PaperTable(List<String> methods, List<PaperRow> rows) {
    }

    public record PaperRow(String cell, List<Figure> figures) {
    }

    /** A method's checkbox: its id and what it is. */
    public record MethodChoice(String id, String description) {
    }

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

    static String describe(String method) {
        return switch (MethodName.of(method)) {
            case BARE -> "no system message";
            case Q_IF -> "the seed instruction: the values and their definitions";
            case URIAL -> "three in-context demonstrations per composition";
            case OPRO -> "optimization by prompting, a scalar score";
            case PICACO -> "the full method";
            case PICACO_NO_REDUNDANCY -> "ablation: no redundancy penalty";
            case PICACO_NO_NOISY_POOL -> "ablation: no noisy pool";
            case PICACO_NO_ENHANCEMENT -> "ablation: no enhancement step";
            case PICACO_SINGLE_ROUND -> "ablation: a single round";
        };
    }

    // ---- one experiment

    private CellTable cell(ExperimentView.Cell c, int index) {
        Double best = best(c.methods().stream().map(ExperimentView.Method::mean).toList());
        List<Row> rows = c.methods().stream().map(m -> {
            CellReport.VsPicaco d = m.vsPicaco();
            return new Row(m.method(), withCi(m.mean(), m.ci()), m.mean() != null && m.mean().equals(best),
                    withCi(m.min(), m.minCi()), Fmt.num(m.cv()), Fmt.num(m.redundancy()), Fmt.num2(m.meanRank()),
                    d == null ? "–" : withCi(d.diff(), d.ci()), d == null ? "–" : p(d.p()),
                    d == null ? "–" : p(d.pHolm()), m.calls());
        }).toList();
        CellReport.Friedman f = c.friedman();
        String friedman = f == null ? null
                : String.format(Locale.ROOT, "χ²_F = %.2f, df = %d, p = %s", f.chi2(), f.df(), p(f.p()));
        Map<String, String> values = valueNames(c);
        List<String> methods = c.methods().stream().map(ExperimentView.Method::method).toList();
        List<ValueMeans> perValue = new ArrayList<>();
        values.forEach((valueId, name) -> {
            List<Double> means = c.methods().stream()
                    .map(m -> m.perValue() == null ? null : m.perValue().get(valueId)).toList();
            Double top = best(means);
            perValue.add(new ValueMeans(name, means.stream()
                    .map(x -> new Figure(Fmt.num2(x), x != null && x.equals(top))).toList()));
        });
        return new CellTable(c.composition(), c.target(), c.units(), c.unitsDropped(), rows, friedman,
                new RawString(chart("chart-cell-" + index, c, values)), methods, perValue);
    }

    /**
     * A cell's grouped bar chart: per method (one colour each), the mean and the lowest per-value mean with their
     * 95 % intervals as whiskers, then each value's mean. The cell's tables on the page carry the same figures.
     */
    static String chart(String id, ExperimentView.Cell c, Map<String, String> values) {
        List<String> groups = new ArrayList<>(List.of("Mean", "Lowest value"));
        groups.addAll(values.values());
        List<SvgCharts.Series> series = new ArrayList<>();
        List<List<SvgCharts.Interval>> intervals = new ArrayList<>();
        for (ExperimentView.Method m : c.methods()) {
            List<Double> bars = new ArrayList<>();
            bars.add(m.mean());
            bars.add(m.min());
            values.keySet().forEach(v -> bars.add(m.perValue() == null ? null : m.perValue().get(v)));
            series.add(new SvgCharts.Series(m.method(), bars));
            List<SvgCharts.Interval> cis = new ArrayList<>();
            cis.add(interval(m.ci()));
            cis.add(interval(m.minCi()));
            intervals.add(cis);
        }
        String title = "Mean rating per method, " + c.composition() + " × " + c.target();
        String description = "Grouped bars on the 1 to 5 rating scale, one colour per method ("
                + String.join(", ", c.methods().stream().map(ExperimentView.Method::method).toList())
                + "): the mean over " + c.units() + " units and the lowest per-value mean, each with its 95 % "
                + "bootstrap interval as a whisker, then the mean of each value. The tables below give the same "
                + "figures.";
        return SvgCharts.bars(id, title, description, groups, series, intervals, SCALE_MIN, SCALE_MAX,
                SvgCharts.PALETTE);
    }

    /** Value id → name, in the composition's order; ids alone for a custom composition. */
    static Map<String, String> valueNames(ExperimentView.Cell c) {
        Map<String, String> out = new LinkedHashMap<>();
        BuiltInCompositions.find(c.composition())
                .ifPresent(comp -> comp.values().forEach(v -> out.put(v.id(), v.name())));
        for (ExperimentView.Method m : c.methods()) {
            if (m.perValue() != null) {
                m.perValue().keySet().forEach(k -> out.putIfAbsent(k, k));
            }
        }
        boolean anyRated = c.methods().stream().anyMatch(m -> m.perValue() != null && !m.perValue().isEmpty());
        if (!anyRated) {
            out.clear();
        } else {
            out.keySet().removeIf(k -> c.methods().stream()
                    .noneMatch(m -> m.perValue() != null && m.perValue().containsKey(k)));
        }
        return out;
    }

    private static SvgCharts.Interval interval(List<Double> ci) {
        return ci == null || ci.size() < 2 || ci.get(0) == null || ci.get(1) == null ? null
                : new SvgCharts.Interval(ci.get(0), ci.get(1));
    }

    private static ExperimentView.Method method(ExperimentView.Cell c, String method) {
        return c.methods().stream().filter(m -> m.method().equals(method)).findFirst().orElse(null);
    }

    static Double best(List<Double> xs) {
        return xs.stream().filter(Objects::nonNull).filter(d -> Double.isFinite(d)).max(Double::compare).orElse(null);
    }

    static String withCi(Double x, List<Double> ci) {
        if (x == null) {
            return "–";
        }
        return ci == null || ci.size() < 2 ? Fmt.num2(x)
                : Fmt.num2(x) + " [" + Fmt.num2(ci.get(0)) + ", " + Fmt.num2(ci.get(1)) + "]";
    }

    static String p(double p) {
        return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render())
                .build();
    }
}
