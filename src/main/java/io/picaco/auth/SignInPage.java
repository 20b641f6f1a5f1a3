package io.picaco.auth;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/** The sign-in form: exchanges the token for an HttpOnly, SameSite=Strict session cookie, so the pages work in a browser. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {
    private static final int MAX_TOKEN = 4096;
    private final Optional<BearerToken> token;
    private final AuthConfig config;

    SignInPage(AuthConfig config) {
        this.config = config;
        this.token = BearerToken.of(config.token());
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String next, String error);
    }

    @GET
    @Path("sign-in")
    public Response form(@QueryParam("next") String next) {
        if (token.isEmpty()) {
            return Response.seeOther(URI.create("/")).build();
        }
        return html(200, Templates.signIn(safeNext(next) ? next : "/", null));
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("token") String given, @FormParam("next") String next,
            @Context HttpServerRequest request) {
        String target = safeNext(next) ? next : "/";
        if (token.isEmpty()) {
            return Response.seeOther(URI.create("/")).build();
        }
        if (given == null || given.length() > MAX_TOKEN || !token.get().matches(given)) {
            return html(401, Templates.signIn(target, "That is not the token this server was started with."));
        }
        Instant expires = Instant.now().plus(config.session());
        NewCookie cookie = cookie(token.get().sessions().issue(expires), (int) config.session().toSeconds(), request);
        return Response.seeOther(URI.create(target)).cookie(cookie).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("sign-out")
    public Response signOut(@Context HttpServerRequest request) {
        return Response.seeOther(URI.create(token.isEmpty() ? "/" : "/sign-in")).cookie(cookie("", 0, request)).build();
    }

    private static NewCookie cookie(String value, int maxAge, HttpServerRequest request) {
        boolean https = "https".equalsIgnoreCase(request.scheme())
                || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
        return new NewCookie.Builder(SessionCookie.NAME).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .secure(https).sameSite(NewCookie.SameSite.STRICT).build();
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").entity(page.render()).build();
    }

    /** Only a path on this site: no scheme, no host ({@code //evil}, {@code /\evil}), no header-splitting characters. */
    static boolean safeNext(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000 || next.charAt(0) != '/') {
            return false;
        }
        if (next.length() > 1 && (next.charAt(1) == '/' || next.charAt(1) == '\\')) {
            return false;
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
