package io.picaco.web;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.picaco.core.BuiltInCompositions;
import io.picaco.core.Composition;
import io.picaco.core.QuerySets;
import io.picaco.core.Value;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The built-in value sets with their definitions and known tensions. */
// Off in the functions profile (picaco.functions-only): step instances serve the four functions only.
@io.quarkus.resteasy.reactive.server.EndpointDisabled(name = "picaco.functions-only", stringValue = "true")
@io.picaco.auth.Redacted
@Path("/compositions")
@Produces(MediaType.TEXT_HTML)
public class CompositionPages {

    public record Entry(Composition composition, int queries, List<TensionRow> tensions) {
    }

    public record TensionRow(String a, String b, String why) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Entry> compositions);
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(BuiltInCompositions.all().stream().map(c -> new Entry(c,
                QuerySets.load(c.querySet()).size(),
                c.tensions().stream().map(t -> new TensionRow(name(c, t.a()), name(c, t.b()), t.why())).toList()))
                .toList());
    }

    private static String name(Composition c, String id) {
        return c.value(id).map(Value::name).orElse(id);
    }
}
