package io.picaco.conductor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.picaco.AppJson;
import io.picaco.PicacoConfig;
import io.picaco.llm.Retries;
import io.picaco.steps.ProposeInput;
import io.picaco.steps.ProposeOutput;
import io.picaco.steps.SampleInput;
import io.picaco.steps.SampleOutput;
import io.picaco.steps.ScoreInput;
import io.picaco.steps.ScoreOutput;
import io.picaco.steps.SelectInput;
import io.picaco.steps.SelectOutput;
import io.smallrye.faulttolerance.api.Guard;

/**
 * Calls the step functions deployed elsewhere (Lambda, Knative, another instance) with the same JSON contract.
 * Transient failures (5xx, connection errors, timeouts) are retried by the app's one policy ({@link Retries},
 * honouring a {@code Retry-After}); a 4xx or an answer that does not match the contract fails the shard at once,
 * with the reason.
 */
@ApplicationScoped
@Typed(RemoteStepInvoker.class)
public class RemoteStepInvoker implements StepInvoker {
    private static final Logger LOG = Logger.getLogger(RemoteStepInvoker.class);
    static final String SHARD_HEADER = "X-Picaco-Shard";

    @Inject
    PicacoConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    Retries retrying;

    private Guard guard;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public ProposeOutput propose(ProposeInput in) {
        return call("propose", remote().propose().url(), in, ProposeOutput.class, out -> {
            Objects.requireNonNull(out.candidates(), "candidates");
        });
    }

    @Override
    public SampleOutput sample(SampleInput in) {
        return call("sample", remote().sample().url(), in, SampleOutput.class, out -> {
            List<String> sent = in.items().stream().map(SampleInput.Item::id).toList();
            List<String> got = out.responses().stream().map(SampleOutput.Response::id).toList();
            if (!sent.equals(got)) {
                throw new IllegalArgumentException("responses do not answer the items sent, in order");
            }
        });
    }

    @Override
    public ScoreOutput score(ScoreInput in) {
        return call("score", remote().score().url(), in, ScoreOutput.class, out -> {
            List<String> sent = in.items().stream().map(ScoreInput.Item::id).toList();
            List<String> got = out.items().stream().map(ScoreOutput.Item::id).toList();
            if (!sent.equals(got)) {
                throw new IllegalArgumentException("items do not answer the items sent, in order");
            }
        });
    }

    @Override
    public SelectOutput select(SelectInput in) {
        return call("select", remote().select().url(), in, SelectOutput.class, out -> {
            Objects.requireNonNull(out.ranking(), "ranking");
            Objects.requireNonNull(out.selected(), "selected");
        });
    }

    private PicacoConfig.Steps.Remote remote() {
        return config.steps().remote();
    }

    interface Check<T> {
        void accept(T out) throws Exception;
    }

    private <T> T call(String step, Optional<String> url, Object input, Class<T> type, Check<T> check) {
        String target = url.orElseThrow(() -> new StepFailure("picaco.steps.remote." + step + ".url is not set"));
        String body;
        try {
            body = json.writeValueAsString(input);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // The same shard always carries the same id, so retries and repeats can be recognised on both sides.
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(target)).timeout(remote().timeout())
                .header("Content-Type", "application/json")
                .header(SHARD_HEADER, step + "-" + io.picaco.llm.Seeds.derive(0, step, body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        remote().token().ifPresent(t -> req.header("Authorization", "Bearer " + t));
        String shard = req.build().headers().firstValue(SHARD_HEADER).orElse("?");
        int[] attempts = { 0 };
        try {
            return Retries.call(guard, () -> {
                if (attempts[0]++ > 0) {
                    LOG.warnf("remote %s step (shard %s): retry %d", step, shard, attempts[0] - 1);
                }
                HttpResponse<String> r;
                try {
                    r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    throw new Transient(e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()), Optional.empty());
                }
                if (r.statusCode() >= 400 && r.statusCode() < 500) {
                    throw new StepFailure("remote " + step + " step answered " + r.statusCode() + ": "
                            + abbreviate(problemDetail(r.body())));
                }
                if (r.statusCode() != 200) {
                    throw new Transient("answered " + r.statusCode(),
                            io.picaco.llm.RetryAfterFilter.parse(r.headers().firstValue("Retry-After").orElse(null)));
                }
                T out;
                try {
                    // an answer, not a request: a field this version does not know is ignored (AppJson.lenient)
                    out = AppJson.lenient(json).readValue(r.body(), type);
                    check.accept(out);
                } catch (Exception e) {
                    throw new StepFailure("remote " + step + " step answered a body that does not match the "
                            + "contract: " + abbreviate(String.valueOf(e.getMessage())));
                }
                return out;
            }, type);
        } catch (Transient e) {
            throw new StepFailure("remote " + step + " step failed after " + attempts[0] + " attempts: "
                    + abbreviate(e.getMessage()), true);
        } catch (Retries.Interrupted e) {
            throw new StepFailure("interrupted");
        }
    }

    /** One guard for every remote step: the app's retry policy over {@code picaco.steps.remote.max-attempts}. */
    @PostConstruct
    void init() {
        guard = retrying.guard("remote step", remote().maxAttempts(), t -> t instanceof Transient);
    }

    /** A 5xx, a connection error or a timeout: retried, and honouring the step's Retry-After if it sent one. */
    static final class Transient extends RuntimeException implements Retries.RetryAfter {
        private final Optional<Long> retryAfter;

        Transient(String message, Optional<Long> retryAfter) {
            super(message, null, false, false);
            this.retryAfter = retryAfter;
        }

        @Override
        public Optional<Long> retryAfterMillis() {
            return retryAfter;
        }
    }

    private String problemDetail(String body) {
        try {
            JsonNode p = json.readTree(body);
            return p.path("title").asText("") + (p.has("detail") ? " — " + p.path("detail").asText() : "");
        } catch (IOException e) {
            return body;
        }
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 400 ? s : s.substring(0, 400) + "…";
    }
}
