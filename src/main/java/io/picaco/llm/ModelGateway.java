package io.picaco.llm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.LogProb;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import dev.langchain4j.model.output.TokenUsage;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.picaco.PicacoConfig;
import io.picaco.auth.Secrets;
import io.picaco.models.EndpointConfig;
import io.picaco.models.ModelEndpoints;
import io.smallrye.faulttolerance.api.Guard;
import io.quarkiverse.langchain4j.openai.QuarkusOpenAiChatModelBuilderFactory;

/**
 * The one path to the chat models. Per endpoint: bounded concurrency and requests/tokens-per-minute windows.
 * Per call: a durable cache, retries by the app's one policy ({@link Retries}: exponential backoff with jitter
 * that honours {@code Retry-After}; 429, 5xx and timeouts are retried, client errors fail at once), token, latency
 * and cost accounting.
 */
@ApplicationScoped
public class ModelGateway {
    private static final Logger LOG = Logger.getLogger(ModelGateway.class);

    @Inject
    ModelEndpoints endpoints;
    @Inject
    PicacoConfig config;
    @Inject
    CallCache cache;
    @Inject
    ModelMetrics metrics;
    @Inject
    Retries retrying;
    @Inject
    RequestLedger ledger;

    /** What the gateway keeps per endpoint: the client and its limits. */
    private record Lane(EndpointConfig endpoint, ChatModel model, Semaphore permits, RateWindow window, Guard guard) {
    }

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    @WithSpan("model call") // one span per call, retries included; its attributes: ModelCallSpan
    public ModelReply chat(String endpointName, Role role, List<ChatMessage> messages, int seed, Double temperature,
            boolean logprobs) {
        Lane lane = lane(endpointName == null ? role.configName() : endpointName);
        EndpointConfig e = lane.endpoint();
        ModelCallSpan.describe(role, e);
        Double temp = temperature != null ? temperature : e.temperature();
        String key = config.cache().enabled()
                ? CallKey.of(role, e.name(), e.modelName(), temp, e.maxTokens(), logprobs, seed, messages)
                : null;
        CallAccount account = CallAccount.current();
        if (key != null) {
            Optional<CallCache.CachedCall> hit = cache.get(key);
            if (hit.isPresent()) {
                metrics.call(role, e.name(), "cache-hit", 0);
                ModelCallSpan.cacheHit();
                CallCache.CachedCall c = hit.get();
                // An answer this run already paid for (its shard's results were lost in a crash) is in the ledger
                // once: neither counted again nor as a free hit.
                boolean replay = account != null && ledger.paid(account.runId(), key);
                return new ModelReply(c.text(), c.logprobs(), replay ? Usage.NONE : Usage.hit());
            }
        }
        OpenAiChatRequestParameters.Builder params = OpenAiChatRequestParameters.builder().seed(seed)
                .temperature(temp).maxOutputTokens(e.maxTokens());
        if (logprobs) {
            params.logprobs(true).topLogprobs(5);
        }
        ChatRequest request = ChatRequest.builder().messages(messages).parameters(params.build()).build();
        long inputEstimate = messages.stream().mapToLong(m -> CallKey.text(m).length() / 4 + 4).sum();
        long outputEstimate = e.maxTokens() == null ? 256 : e.maxTokens();
        long estimate = inputEstimate + outputEstimate;
        // Write-ahead: once the permits are held, just before each attempt goes out (in the client's last request
        // filter, see WriteAhead), the ledger learns of it, so a request counts as paid when it may reach the
        // endpoint, whatever happens to this process after.
        String[] intent = { null };
        int[] sent = { 0 };
        Runnable beforeSend = account == null ? () -> { } : () -> {
            if (sent[0] == 0) {
                intent[0] = ledger.open(account, key, account.role() != null ? account.role() : role.configName(),
                        e.name(), inputEstimate, outputEstimate,
                        e.cost(inputEstimate, outputEstimate));
            } else if (intent[0] != null) {
                ledger.retry(intent[0], sent[0] + 1);
            }
            sent[0]++;
        };
        // Each attempt is one paid request; the retries of this call are its attempts after the first.
        int[] attempts = { 0 };
        long[] failedMs = { 0 }; // how long the attempt before this one took to fail
        ModelReply reply;
        try {
            reply = Retries.call(lane.guard(), () -> {
                if (attempts[0]++ > 0) {
                    metrics.call(role, e.name(), "retry", failedMs[0]);
                }
                long started = System.nanoTime();
                try {
                    return attempt(lane, role, request, estimate, key, attempts[0] - 1, beforeSend);
                } catch (RuntimeException ex) {
                    failedMs[0] = (System.nanoTime() - started) / 1_000_000;
                    throw ex;
                }
            }, ModelReply.class);
        } catch (Retries.Interrupted ex) {
            throw ex;
        } catch (RuntimeException last) {
            long retries = Math.max(0, attempts[0] - 1);
            String reason = e.name() + " call failed after " + attempts[0] + " attempt(s): " + describe(last);
            LOG.warn(reason);
            if (intent[0] != null) {
                ledger.fail(intent[0], sent[0]);
            }
            metrics.call(role, e.name(), "failed", 0);
            throw new ModelCallException(reason, Usage.failed(retries), last);
        }
        if (intent[0] != null) { // after the retries: a failing store write must not send the request again
            Usage u = reply.usage();
            ledger.complete(intent[0], sent[0], u.inputTokens(), u.outputTokens(), u.cost());
        }
        return reply;
    }

    /** One paid request: the answer, its tokens, latency and cost, stored in the cache. */
    private ModelReply attempt(Lane lane, Role role, ChatRequest request, long estimate, String key, long retries,
            Runnable beforeSend) {
        EndpointConfig e = lane.endpoint();
        long[] callStart = new long[1];
        ChatResponse response = call(lane, request, estimate, callStart, beforeSend);
        long latency = (System.nanoTime() - callStart[0]) / 1_000_000; // the call, not the wait for a permit
        TokenUsage t = response.tokenUsage();
        long in = t == null || t.inputTokenCount() == null ? 0 : t.inputTokenCount();
        long out = t == null || t.outputTokenCount() == null ? 0 : t.outputTokenCount();
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null) {
            throw new IllegalStateException("the model answered without text");
        }
        List<TokenLogprob> lp = logprobs(response);
        metrics.call(role, e.name(), "ok", latency);
        ModelCallSpan.answered(retries, in, out);
        if (key != null) {
            cache.put(key, role.configName(), e.name(), e.modelName(), new CallCache.CachedCall(text, in, out, lp));
        }
        return new ModelReply(text, lp, Usage.call(retries, in, out, e.cost(in, out), latency));
    }

    /** What a model call may retry: 429, 5xx, timeouts, empty answers; not client errors nor a shutdown. */
    static boolean transientFailure(Throwable t) {
        return !(t instanceof NonRetriableException) && !(t instanceof Retries.Interrupted)
                && !(t instanceof RequestLedger.Refused)
                && !(t instanceof InterruptedException) && !(t instanceof Error);
    }

    private ChatResponse call(Lane lane, ChatRequest request, long estimatedTokens, long[] callStart,
            Runnable beforeSend) {
        try {
            long[] slot = lane.window().acquire(estimatedTokens);
            lane.permits().acquire();
            try {
                callStart[0] = System.nanoTime();
                // the ledger write happens inside the send (WriteAhead); its time is not the endpoint's latency
                Runnable timedWrite = () -> {
                    long t = System.nanoTime();
                    beforeSend.run();
                    callStart[0] += System.nanoTime() - t;
                };
                ChatResponse r = WriteAhead.around(timedWrite, () -> lane.model().chat(request));
                TokenUsage t = r.tokenUsage();
                lane.window().settle(slot, t == null || t.totalTokenCount() == null ? estimatedTokens
                        : t.totalTokenCount());
                return r;
            } finally {
                lane.permits().release();
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new Retries.Interrupted();
        }
    }

    private Lane lane(String name) {
        return lanes.computeIfAbsent(name, n -> {
            EndpointConfig e = endpoints.require(n);
            // Built with the extension's own (Quarkus REST client) builder, but with retries left to this class:
            // the extension's own retry would double every 429 and ignore Retry-After.
            OpenAiChatModel.OpenAiChatModelBuilder b = new QuarkusOpenAiChatModelBuilderFactory.Builder().configName(n);
            ChatModel model = b.baseUrl(e.baseUrl()).apiKey(e.hasKey() ? e.apiKey() : "none").modelName(e.modelName())
                    .timeout(e.timeout()).maxRetries(0).build();
            return new Lane(e, model, new Semaphore(e.concurrency(), true), new RateWindow(e.rpm(), e.tpm()),
                    retrying.guard("model call " + n, config.models().maxAttempts(), ModelGateway::transientFailure));
        });
    }

    private static List<TokenLogprob> logprobs(ChatResponse response) {
        if (!(response.metadata() instanceof OpenAiChatResponseMetadata m) || m.logProbs() == null
                || m.logProbs().isEmpty()) {
            return null;
        }
        return m.logProbs().stream().map(ModelGateway::logprob).toList();
    }

    private static TokenLogprob logprob(LogProb p) {
        Map<String, Double> top = new LinkedHashMap<>();
        if (p.topLogprobs() != null) {
            p.topLogprobs().forEach(t -> top.putIfAbsent(t.token(), t.logprob()));
        }
        return new TokenLogprob(p.token(), p.logprob() == null ? 0 : p.logprob(), top);
    }

    /** An error text safe to store and show: the exception kind and message, never keys or headers. */
    static String describe(Throwable t) {
        if (t == null) {
            return "unknown error";
        }
        String msg = RetryAfterFilter.strip(t.getMessage());
        // the exact configured keys first, then any other key-shaped text (e.g. an upstream echoing a header)
        msg = msg == null ? "" : Secrets.redact(msg).replaceAll("(?i)(bearer\\s++|sk-)[A-Za-z0-9._-]++", "$1***");
        return t.getClass().getSimpleName() + (msg.isBlank() ? "" : ": " + (msg.length() > 300
                ? msg.substring(0, 300) + "…" : msg));
    }

    /** True when the role's default endpoint is the simulator embedded in this app. */
    public boolean isSimulated(String endpointName) {
        return endpoints.find(endpointName).map(EndpointConfig::simulated).orElse(false);
    }
}
