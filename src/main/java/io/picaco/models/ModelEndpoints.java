package io.picaco.models;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.PicacoConfig;
import io.picaco.llm.Role;
import io.quarkiverse.langchain4j.openai.runtime.config.LangChain4jOpenAiConfig;
import io.quarkiverse.langchain4j.openai.runtime.config.LangChain4jOpenAiConfig.OpenAiConfig;

/**
 * The configured model endpoints. Each is a quarkus-langchain4j named model configuration
 * ({@code quarkus.langchain4j.openai.<name>.base-url}, {@code .api-key}, {@code .chat-model.model-name},
 * {@code .timeout}, {@code .chat-model.temperature}, {@code .chat-model.max-tokens}) with the app's limits and prices
 * ({@code picaco.endpoints.<name>.*}); {@code target}, {@code optimizer}, {@code judge} and {@code evaluator} are
 * the roles' defaults, and a run may name any other. Both are configuration mappings, read once when the app
 * starts. Whether an endpoint's host answers is checked again once the last check is older than
 * {@code picaco.models.reachability-ttl}.
 */
@ApplicationScoped
public class ModelEndpoints {
    static final String NO_KEY = "sim-no-key";

    @Inject
    PicacoConfig picaco;
    @Inject
    LangChain4jOpenAiConfig openai;

    Clock clock = Clock.systemUTC();
    private Map<String, EndpointConfig> endpoints;
    private final Map<String, Reach> reachability = new ConcurrentHashMap<>();

    /** The outcome of one reachability check of a host and port. */
    public record Reach(String problem, Instant checked) {
        boolean fresh(Instant now, Duration ttl) {
            return checked.plus(ttl).isAfter(now);
        }
    }

    @PostConstruct
    void read() {
        TreeSet<String> names = new TreeSet<>(openai.namedConfig().keySet());
        for (Role r : Role.values()) {
            names.add(r.configName());
        }
        Map<String, EndpointConfig> all = new TreeMap<>();
        for (String name : names) {
            all.put(name, endpoint(name));
        }
        // A user who configured a real judge but no evaluator gets the judge as evaluator (ALGORITHM.md, Roles).
        EndpointConfig evaluator = all.get(Role.EVALUATOR.configName());
        EndpointConfig judge = all.get(Role.JUDGE.configName());
        if (evaluator.simulated() && !judge.simulated()) {
            all.put(evaluator.name(), judge.as(evaluator.name()));
        }
        endpoints = Map.copyOf(all);
    }

    private EndpointConfig endpoint(String name) {
        OpenAiConfig c = openai.namedConfig().get(name);
        PicacoConfig.Endpoint limits = picaco.endpoints().get(name);
        return new EndpointConfig(name,
                c == null ? null : c.baseUrl(),
                c == null ? null : c.apiKey(),
                c == null ? "gpt-4o-mini" : c.chatModel().modelName(),
                c == null ? Duration.ofSeconds(60) : c.timeout().orElse(Duration.ofSeconds(60)),
                c == null ? null : c.chatModel().temperature().orElse(null),
                c == null ? null : c.chatModel().maxTokens().orElse(null),
                limits != null && limits.concurrency().isPresent() ? limits.concurrency().get()
                        : picaco.models().concurrency(),
                limits == null ? null : limits.rpm().orElse(null),
                limits == null ? null : limits.tpm().orElse(null),
                limits == null ? null : limits.inputPrice().orElse(null),
                limits == null ? null : limits.outputPrice().orElse(null));
    }

    public List<String> names() {
        return List.copyOf(new TreeSet<>(endpoints.keySet()));
    }

    public Optional<EndpointConfig> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(endpoints.get(name));
    }

    public EndpointConfig require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown endpoint '" + name + "'"));
    }

    /** Every endpoint as the API may show it, with what is wrong with it, if anything, and when that was checked. */
    public List<ModelEndpoint> all() {
        List<ModelEndpoint> out = new ArrayList<>();
        for (String n : names()) {
            EndpointConfig e = require(n);
            String problem = problem(e).orElse(null);
            Optional<Reach> reach = lastCheck(e);
            out.add(new ModelEndpoint(n, roleOf(n), e.modelName(), e.baseUrl(), e.simulated(), e.hasKey(),
                    e.timeout().toString(), e.concurrency(), e.rpm(), e.tpm(), e.inputPrice(), e.outputPrice(),
                    problem, reach.map(r -> r.problem().isEmpty()).orElse(null),
                    reach.map(r -> r.checked().toString()).orElse(null)));
        }
        return out;
    }

    private static String roleOf(String name) {
        for (Role r : Role.values()) {
            if (r.configName().equals(name)) {
                return r.configName();
            }
        }
        return null;
    }

    /** Why an endpoint cannot serve calls: no base URL, no key for a hosted service, or a host that does not answer. */
    public Optional<String> problem(EndpointConfig e) {
        Optional<URI> uri = probed(e);
        if (uri.isEmpty()) {
            return configProblem(e);
        }
        Instant now = clock.instant();
        Duration ttl = picaco.models().reachabilityTtl();
        // Checked again after the time-to-live, whatever the last answer: a host that was down may be up now.
        Reach reach = reachability.compute(key(uri.get()),
                (k, last) -> last != null && last.fresh(now, ttl) ? last : new Reach(reach(uri.get()), clock.instant()));
        return reach.problem().isEmpty() ? Optional.empty() : Optional.of(reach.problem());
    }

    /** The last reachability check of the endpoint's host, if it is one that gets checked. */
    public Optional<Reach> lastCheck(EndpointConfig e) {
        return probed(e).map(u -> reachability.get(key(u)));
    }

    /** The URL whose host is probed; empty for a misconfigured endpoint and for the simulator in this app. */
    private static Optional<URI> probed(EndpointConfig e) {
        if (configProblem(e).isPresent()) {
            return Optional.empty();
        }
        URI uri = URI.create(e.baseUrl());
        return e.simulated() && isLocal(uri.getHost()) ? Optional.empty() : Optional.of(uri);
    }

    private static Optional<String> configProblem(EndpointConfig e) {
        if (e.baseUrl() == null || e.baseUrl().isBlank()) {
            return Optional.of("no base-url configured");
        }
        URI uri;
        try {
            uri = URI.create(e.baseUrl());
        } catch (IllegalArgumentException bad) {
            return Optional.of("base-url is not a URL");
        }
        if (uri.getHost() == null) {
            return Optional.of("base-url has no host");
        }
        if (!isLocal(uri.getHost()) && !e.hasKey()) {
            return Optional.of("no API key configured for hosted endpoint " + uri.getHost());
        }
        return Optional.empty();
    }

    static boolean isLocal(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    private static String key(URI uri) {
        return uri.getHost() + ":" + port(uri);
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static String reach(URI uri) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), port(uri)), 1500);
            return "";
        } catch (Exception e) {
            return "host " + uri.getHost() + ":" + port(uri) + " is unreachable";
        }
    }
}
