package io.picaco.llm;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.output.TokenUsage;
import io.picaco.PicacoConfig;
import io.quarkiverse.langchain4j.ModelName;

/**
 * The one path to the chat models: per-role bounded concurrency, retries with exponential backoff and jitter,
 * per-call seeds and token accounting.
 */
@ApplicationScoped
public class ModelGateway {
    private static final Logger LOG = Logger.getLogger(ModelGateway.class);

    private final Map<Role, ChatModel> models = new EnumMap<>(Role.class);
    private final Map<Role, Semaphore> permits = new EnumMap<>(Role.class);
    private final PicacoConfig.Models config;

    @Inject
    public ModelGateway(@ModelName("target") ChatModel target, @ModelName("optimizer") ChatModel optimizer,
            @ModelName("judge") ChatModel judge, PicacoConfig config) {
        models.put(Role.TARGET, target);
        models.put(Role.OPTIMIZER, optimizer);
        models.put(Role.JUDGE, judge);
        this.config = config.models();
        for (Role r : Role.values()) {
            permits.put(r, new Semaphore(this.config.concurrency(), true));
        }
    }

    public ModelReply chat(Role role, List<ChatMessage> messages, int seed, Double temperature) {
        ChatRequest request = ChatRequest.builder()
                .messages(messages)
                .parameters(OpenAiChatRequestParameters.builder().seed(seed).temperature(temperature).build())
                .build();
        long retries = 0;
        RuntimeException last = null;
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            try {
                ChatResponse response = call(role, request);
                TokenUsage t = response.tokenUsage();
                long in = t == null || t.inputTokenCount() == null ? 0 : t.inputTokenCount();
                long out = t == null || t.outputTokenCount() == null ? 0 : t.outputTokenCount();
                String text = response.aiMessage() == null ? null : response.aiMessage().text();
                if (text == null) {
                    throw new IllegalStateException("the model answered without text");
                }
                return new ModelReply(text, new Usage(1, 0, retries, in, out));
            } catch (NonRetriableException e) {
                last = e;
                break;
            } catch (RuntimeException e) {
                last = e;
                if (attempt < config.maxAttempts()) {
                    retries++;
                    sleepBeforeRetry(attempt);
                }
            }
        }
        String reason = role.configName() + " call failed after " + (retries + 1) + " attempt(s): " + describe(last);
        LOG.warn(reason);
        throw new ModelCallException(reason, new Usage(1, 1, retries, 0, 0), last);
    }

    private ChatResponse call(Role role, ChatRequest request) {
        Semaphore s = permits.get(role);
        s.acquireUninterruptibly();
        try {
            return models.get(role).chat(request);
        } finally {
            s.release();
        }
    }

    private void sleepBeforeRetry(int attempt) {
        long base = config.backoff().toMillis() << (attempt - 1);
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        try {
            Thread.sleep(jittered);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    /** An error text safe to store and show: the exception kind and message, never request headers. */
    static String describe(Throwable t) {
        if (t == null) {
            return "unknown error";
        }
        String msg = t.getMessage() == null ? "" : t.getMessage().replaceAll("(?i)(bearer|sk-)[A-Za-z0-9._-]+", "$1***");
        return t.getClass().getSimpleName() + (msg.isBlank() ? "" : ": " + abbreviate(msg, 300));
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    /** True when the role's endpoint is the simulator embedded in this app. */
    public static boolean isSimulated(Role role) {
        return ConfigProvider.getConfig()
                .getOptionalValue("quarkus.langchain4j.openai." + role.configName() + ".base-url", String.class)
                .map(u -> u.contains("/sim/v1"))
                .orElse(false);
    }
}
