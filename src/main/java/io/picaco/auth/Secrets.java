package io.picaco.auth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.StartupEvent;

/**
 * The exact configured secrets (every {@code quarkus.langchain4j.openai.*.api-key}, {@code picaco.auth.token},
 * {@code picaco.steps.remote.token}) and their redaction from any text that leaves the process. Matching the
 * configured values, not key shapes ({@code sk-…}), catches keys of any provider and format.
 */
@ApplicationScoped
public class Secrets {
    public static final String MASK = "[redacted]";
    /** Shorter values (and the simulator's placeholders) are no secrets worth masking everywhere. */
    static final int MIN_LENGTH = 8;
    private static final List<String> NOT_SECRET = List.of("sim-no-key", "dummy");
    private static volatile List<String> values;

    void load(@Observes StartupEvent event) {
        values = read(ConfigProvider.getConfig());
    }

    /** {@code text} with every configured secret replaced by {@link #MASK}; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : values()) {
            if (out.contains(s)) {
                out = out.replace(s, MASK); // a literal replace: linear, no pattern built from a secret
            }
        }
        return out;
    }

    /** True when {@code text} holds a configured secret. */
    public static boolean contains(String text) {
        if (text == null) {
            return false;
        }
        for (String s : values()) {
            if (text.contains(s)) {
                return true;
            }
        }
        return false;
    }

    static List<String> values() {
        List<String> v = values;
        if (v == null) {
            try {
                v = read(ConfigProvider.getConfig());
            } catch (RuntimeException e) {
                return List.of(); // no config yet (very early log lines)
            }
            values = v;
        }
        return v;
    }

    static List<String> read(Config config) {
        List<String> out = new ArrayList<>();
        for (String name : config.getPropertyNames()) {
            String n = name.toLowerCase(Locale.ROOT).replace('_', '.');
            boolean key = n.startsWith("quarkus.langchain4j.openai.") && n.endsWith("api-key")
                    || n.startsWith("quarkus.langchain4j.openai.") && n.endsWith("api.key")
                    || n.equals("picaco.auth.token") || n.equals("picaco.steps.remote.token");
            if (key) {
                Optional<String> value;
                try {
                    value = config.getOptionalValue(name, String.class);
                } catch (RuntimeException e) {
                    continue;
                }
                value.map(String::strip).filter(s -> s.length() >= MIN_LENGTH && !NOT_SECRET.contains(s))
                        .filter(s -> !out.contains(s)).ifPresent(s -> {
                            out.add(s);
                            String html = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                                    .replace("\"", "&quot;").replace("'", "&#39;");
                            if (!html.equals(s)) {
                                out.add(html); // as a page shows it
                            }
                        });
            }
        }
        out.sort(Comparator.comparingInt(String::length).reversed()); // a longer secret first, if one holds another
        return List.copyOf(out);
    }
}
