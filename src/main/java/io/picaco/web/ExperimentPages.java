package io.picaco.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.picaco.experiment.ExperimentNotFoundException;
import io.picaco.experiment.ExperimentView;
import io.picaco.experiment.ExperimentViews;
import io.picaco.experiment.stats.CellReport;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The experiment pages: the list, and one experiment's progress and, per cell, its methods' figures with intervals
 * (the best mean in bold), the Friedman line and links to every run. Read-only; experiments start through the API.
 */
// Off in the functions profile (picaco.functions-only): step instances serve the four functions only.
@io.quarkus.resteasy.reactive.server.EndpointDisabled(name = "picaco.functions-only", stringValue = "true")
@io.picaco.auth.Redacted
@Path("/experiments")
@Produces(MediaType.TEXT_HTML)
public class ExperimentPages {
    @Inject
    ExperimentViews views;

    /** One method's row in a cell's table, formatted. */
    public record Row(String method, String mean, boolean best, String min, String cv, String redundancy,
            String meanRank, String diff, String p, String pHolm, long calls) {
    }

    public record CellTable(String composition, String target, int units, int unitsDropped, List<Row> rows,
            String friedman) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ExperimentViews.Summary> experiments);

        static native TemplateInstance experiment(ExperimentView e, List<CellTable> cells, boolean finished);

        static native TemplateInstance notFound(String message);
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(views.list());
    }

    @GET
    @Path("{id}")
    public TemplateInstance experiment(@PathParam("id") String id) {
        ExperimentView e = views.view(id);
        List<CellTable> cells = new ArrayList<>();
        for (ExperimentView.Cell c : e.cells()) {
            Double best = c.methods().stream().map(ExperimentView.Method::mean).filter(Objects::nonNull)
                    .max(Double::compare).orElse(null);
            List<Row> rows = c.methods().stream().map(m -> {
                CellReport.VsPicaco d = m.vsPicaco();
                return new Row(m.method(), withCi(m.mean(), m.ci()), best != null && best.equals(m.mean()),
                        Fmt.num2(m.min()), Fmt.num(m.cv()), Fmt.num(m.redundancy()), Fmt.num2(m.meanRank()),
                        d == null ? "–" : withCi(d.diff(), d.ci()), d == null ? "–" : p(d.p()),
                        d == null ? "–" : p(d.pHolm()), m.calls());
            }).toList();
            CellReport.Friedman f = c.friedman();
            cells.add(new CellTable(c.composition(), c.target(), c.units(), c.unitsDropped(), rows, f == null ? null
                    : String.format(java.util.Locale.ROOT, "χ²_F = %.2f, df = %d, p = %s", f.chi2(), f.df(),
                            p(f.p()))));
        }
        boolean finished = !e.status().equals("QUEUED") && !e.status().equals("RUNNING");
        return Templates.experiment(e, cells, finished);
    }

    static String withCi(Double x, List<Double> ci) {
        if (x == null) {
            return "–";
        }
        return ci == null ? Fmt.num2(x) : Fmt.num2(x) + " [" + Fmt.num2(ci.get(0)) + ", " + Fmt.num2(ci.get(1)) + "]";
    }

    static String p(double p) {
        return p < 1e-4 ? String.format(java.util.Locale.ROOT, "%.1e", p)
                : String.format(java.util.Locale.ROOT, "%.4f", p);
    }

    @ServerExceptionMapper
    public Response notFound(ExperimentNotFoundException e) {
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.notFound(e.getMessage()).render()).build();
    }
}
