package io.picaco.llm;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.picaco.PicacoConfig;
import io.quarkiverse.langchain4j.openai.QuarkusOpenAiEmbeddingModelBuilderFactory;

/**
 * The redundancy embedder: in-process all-MiniLM-L6-v2 (quantized) by default, loaded once on first use; or an
 * OpenAI-compatible embeddings endpoint ({@code picaco.embedder.kind=openai}, configured as the named model
 * {@code quarkus.langchain4j.openai.embedder.*}: base-url, api-key, embedding-model.model-name, timeout).
 */
@ApplicationScoped
public class Embedder {
    @Inject
    PicacoConfig config;

    private volatile EmbeddingModel model;

    private EmbeddingModel model() {
        if (model == null) {
            synchronized (this) {
                if (model == null) {
                    model = "openai".equals(config.embedder().kind()) ? endpoint(config.embedder().endpoint())
                            : new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
            }
        }
        return model;
    }

    private static EmbeddingModel endpoint(String name) {
        Config c = ConfigProvider.getConfig();
        String p = "quarkus.langchain4j.openai." + name + ".";
        return new QuarkusOpenAiEmbeddingModelBuilderFactory.Builder().configName(name)
                .baseUrl(c.getValue(p + "base-url", String.class))
                .apiKey(c.getOptionalValue(p + "api-key", String.class).orElse("none"))
                .modelName(c.getOptionalValue(p + "embedding-model.model-name", String.class)
                        .orElse("text-embedding-3-small"))
                .timeout(c.getOptionalValue(p + "timeout", Duration.class).orElse(Duration.ofSeconds(30)))
                .maxRetries(2)
                .build();
    }

    /** Whether the model (and, in-process, its ONNX session) has been loaded in this process. */
    public boolean loaded() {
        return model != null;
    }

    public Embedding embed(String text) {
        return model().embed(text).content();
    }

    public List<Embedding> embedAll(List<String> texts) {
        return model().embedAll(texts.stream().map(TextSegment::from).toList()).content();
    }

    public static double cosine(Embedding a, Embedding b) {
        return CosineSimilarity.between(a, b);
    }
}
