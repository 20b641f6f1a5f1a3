package io.picaco.models;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.picaco.llm.ModelGateway;
import io.picaco.llm.Role;

/** The endpoints configured for each role, read from the quarkus-langchain4j named-model configuration. */
@ApplicationScoped
public class ModelEndpoints {
    static final String NO_KEY = "sim-no-key";

    public List<ModelEndpoint> all() {
        Config c = ConfigProvider.getConfig();
        return Arrays.stream(Role.values()).map(r -> {
            String p = "quarkus.langchain4j.openai." + r.configName() + ".";
            String key = c.getOptionalValue(p + "api-key", String.class).orElse("");
            return new ModelEndpoint(r.configName(), r.configName(),
                    c.getOptionalValue(p + "chat-model.model-name", String.class).orElse("?"),
                    c.getOptionalValue(p + "base-url", String.class).orElse("?"),
                    ModelGateway.isSimulated(r), !key.isBlank() && !NO_KEY.equals(key),
                    c.getOptionalValue(p + "timeout", String.class).orElse("default"));
        }).toList();
    }
}
