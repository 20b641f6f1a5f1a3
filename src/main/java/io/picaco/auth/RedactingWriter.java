package io.picaco.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

/**
 * Every text body the REST layer writes (pages, API JSON, exports, the simulator) passes through {@link Secrets}, so a
 * configured key typed into a run's name, echoed in a model error or stored in the step log never leaves the process.
 * Bodies are buffered only when a secret is configured. Bound by {@link Redacted} to our resource classes: as a global
 * interceptor it would also run for responses that match no resource method, where RESTEasy Reactive fails (NPE).
 */
@Provider
@Redacted
@ConstrainedTo(RuntimeType.SERVER) // never the model clients' request bodies
public class RedactingWriter implements WriterInterceptor {
    @Override
    public void aroundWriteTo(WriterInterceptorContext ctx) throws IOException {
        MediaType type = ctx.getMediaType();
        if (Secrets.values().isEmpty() || !textual(type)) {
            ctx.proceed();
            return;
        }
        OutputStream original = ctx.getOutputStream();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ctx.setOutputStream(buffer);
        try {
            ctx.proceed();
        } finally {
            ctx.setOutputStream(original);
        }
        String body = buffer.toString(StandardCharsets.UTF_8);
        if (Secrets.contains(body)) {
            original.write(Secrets.redact(body).getBytes(StandardCharsets.UTF_8));
        } else {
            buffer.writeTo(original);
        }
    }

    static boolean textual(MediaType t) {
        if (t == null) {
            return true;
        }
        String sub = t.getSubtype();
        return "text".equals(t.getType()) || sub.contains("json") || sub.contains("xml") || sub.contains("markdown");
    }
}
