package io.picaco.llm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * langchain4j's exceptions keep a failed call's status and body but not its headers, so a server's
 * {@code Retry-After} would be lost. This client filter appends it to the error body as a marker that
 * {@link Retries}' backoff reads back.
 */
@Provider
public class RetryAfterFilter implements ClientResponseFilter {
    static final String MARKER = "[picaco-retry-after-ms=";
    private static final Pattern READ = Pattern.compile(Pattern.quote(MARKER) + "(\\d+)]");

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) throws IOException {
        int status = response.getStatus();
        if (status != 429 && status < 500) {
            return;
        }
        Optional<Long> millis = parse(response.getHeaderString("Retry-After"));
        if (millis.isEmpty()) {
            return;
        }
        byte[] body = response.hasEntity() ? response.getEntityStream().readAllBytes() : new byte[0];
        String marked = new String(body, StandardCharsets.UTF_8) + " " + MARKER + millis.get() + "]";
        response.setEntityStream(new ByteArrayInputStream(marked.getBytes(StandardCharsets.UTF_8)));
    }

    /** Seconds or an HTTP date, as RFC 9110 allows. */
    public static Optional<Long> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String h = header.strip();
        try {
            return Optional.of(Math.max(0, Long.parseLong(h)) * 1000);
        } catch (NumberFormatException e) {
            try {
                long ms = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(h,
                        DateTimeFormatter.RFC_1123_DATE_TIME)).toMillis();
                return Optional.of(Math.max(0, ms));
            } catch (RuntimeException notADate) {
                return Optional.empty();
            }
        }
    }

    /** The delay a failed call asked for, read back from its exception chain. */
    static Optional<Long> requested(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x.getMessage() != null) {
                Matcher m = READ.matcher(x.getMessage());
                if (m.find()) {
                    return Optional.of(Long.parseLong(m.group(1)));
                }
            }
        }
        return Optional.empty();
    }

    static String strip(String message) {
        return message == null ? null : READ.matcher(message).replaceAll("").strip();
    }
}
