package io.picaco.models;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.picaco.PicacoConfig;
import io.picaco.llm.Role;

/**
 * The configured model endpoints. Each is a quarkus-langchain4j named model configuration
 * ({@code quarkus.langchain4j.openai.<name>.base-url}, {@code .api-key}, {@code .chat-model.model-name},
 * {@code .timeout}, {@code .chat-model.temperature}, {@code .chat-model.max-tokens}); {@code target},
 * {@code optimizer}, {@code judge} and {@code evaluator} are the roles' defaults, and a run may name any other.
 */
@ApplicationScoped
public class ModelEndpoints {
    static final String NO_KEY = "sim-no-key";
    private static final String PREFIX = "quarkus.langchain4j.openai.";
    private static final Pattern DOTTED = Pattern.compile(Pattern.quote(PREFIX) + "([a-z0-9_-]+)\\.base-url");
    private static final Pattern ENV = Pattern.compile("QUARKUS_LANGCHAIN4J_OPENAI_([A-Z0-9_]+)_BASE_URL");

    @Inject
    PicacoConfig picaco;

    private final Map<String, String> reachability = new ConcurrentHashMap<>();

    public List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        for (String p : ConfigProvider.getConfig().getPropertyNames()) {
            Matcher m = DOTTED.matcher(p);
            if (m.matches()) {
                names.add(m.group(1));
            }
            Matcher e = ENV.matcher(p);
            if (e.matches()) {
                names.add(e.group(1).toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        }
        for (Role r : Role.values()) {
            names.add(r.configName());
        }
        return List.copyOf(names);
    }

    public Optional<EndpointConfig> find(String name) {
        if (name == null || !names().contains(name)) {
            return Optional.empty();
        }
        if (Role.EVALUATOR.configName().equals(name)) {
            // a user who configured a real judge but no evaluator gets the judge as evaluator (ALGORITHM.md, Roles)
            EndpointConfig evaluator = read(name);
            EndpointConfig judge = read(Role.JUDGE.configName());
            return Optional.of(evaluator.simulated() && !judge.simulated() ? judge.as(name) : evaluator);
        }
        return Optional.of(read(name));
    }

    private EndpointConfig read(String name) {
        Config c = ConfigProvider.getConfig();
        String p = PREFIX + name + ".";
        PicacoConfig.Endpoint limits = picaco.endpoints().get(name);
        return new EndpointConfig(name,
                c.getOptionalValue(p + "base-url", String.class).orElse(null),
                c.getOptionalValue(p + "api-key", String.class).orElse(null),
                c.getOptionalValue(p + "chat-model.model-name", String.class).orElse("gpt-4o-mini"),
                c.getOptionalValue(p + "timeout", Duration.class).orElse(Duration.ofSeconds(60)),
                c.getOptionalValue(p + "chat-model.temperature", Double.class).orElse(null),
                c.getOptionalValue(p + "chat-model.max-tokens", Integer.class).orElse(null),
                limits != null && limits.concurrency().isPresent() ? limits.concurrency().get()
                        : picaco.models().concurrency(),
                limits == null ? null : limits.rpm().orElse(null),
                limits == null ? null : limits.tpm().orElse(null),
                limits == null ? null : limits.inputPrice().orElse(null),
                limits == null ? null : limits.outputPrice().orElse(null));
    }

    public EndpointConfig require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown endpoint '" + name + "'"));
    }

    /** Every endpoint as the API may show it, with what is wrong with it, if anything. */
    public List<ModelEndpoint> all() {
        List<ModelEndpoint> out = new ArrayList<>();
        for (String n : names()) {
            EndpointConfig e = require(n);
            out.add(new ModelEndpoint(n, roleOf(n), e.modelName(), e.baseUrl(), e.simulated(), e.hasKey(),
                    e.timeout().toString(), e.concurrency(), e.rpm(), e.tpm(), e.inputPrice(), e.outputPrice(),
                    problem(e).orElse(null)));
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
        boolean local = isLocal(uri.getHost());
        if (!local && !e.hasKey()) {
            return Optional.of("no API key configured for hosted endpoint " + uri.getHost());
        }
        if (e.simulated() && local) {
            return Optional.empty(); // this app itself
        }
        String reach = reachability.computeIfAbsent(uri.getHost() + ":" + port(uri), k -> reach(uri));
        return reach.isEmpty() ? Optional.empty() : Optional.of(reach);
    }

    static boolean isLocal(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
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
