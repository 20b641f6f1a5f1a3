package io.picaco.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

import io.picaco.store.Run;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Shared tools of the hostile-input tests: raw requests, an adversarial string, the stored-run count. */
final class Hostile {
    static final int MB = 1024 * 1024;
    /** What a stack trace in a body would look like: a frame, a "Caused by" or an exception class name. */
    static final Pattern TRACE = Pattern.compile("\\bat [a-z][\\w$]*+(?:\\.[\\w$]++)++\\(|Caused by:|[A-Z]\\w*+Exception\\b");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private Hostile() {
    }

    /**
     * 1 MB built to hurt backtracking regexes: long runs of white space and of sentence punctuation that do not
     * reach the end of the text, an unclosed code fence, hyphenated "words", line breaks.
     */
    static String adversarial() {
        StringBuilder sb = new StringBuilder(MB);
        sb.append("```json how ");
        sb.append(" ".repeat(200_000)).append("\t \u00a0".repeat(30_000));
        sb.append("?!. ".repeat(40_000)).append(",;:".repeat(30_000)).append("a-".repeat(60_000));
        sb.append(" \n".repeat(40_000)).append("é\u200b𝔘".repeat(10_000));
        while (sb.length() < MB - 1) {
            sb.append("x ");
        }
        sb.setLength(MB - 1);
        return sb.append('x').toString();
    }

    record Reply(int status, String body, long millis) {
    }

    static Reply send(String base, String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), (System.nanoTime() - t0) / 1_000_000);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        }
    }

    static long storedRuns() {
        return QuarkusTransaction.requiringNew().call(() -> Run.count());
    }

    static long storedExperiments() {
        return QuarkusTransaction.requiringNew().call(() -> io.picaco.store.Experiment.count());
    }

    static String base(java.net.URL root) {
        String s = root.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
