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
import io.picaco.PicacoConfig;
import io.quarkiverse.langchain4j.openai.QuarkusOpenAiEmbeddingModelBuilderFactory;

/**
 * The redundancy embedder: in-process all-MiniLM-L6-v2 ({@link MiniLmEmbeddingModel}) by default, loaded once on first use; or an
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
                            : new MiniLmEmbeddingModel(null); // null: langchain4j's pool, one thread per core
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

    /**
     * The cosine, summed in double precision in a fixed order, so that its value depends only on the vectors and not on
     * how a vectorised float library would sum them.
     */
    public static double cosine(Embedding a, Embedding b) {
        float[] x = a.vector();
        float[] y = b.vector();
        if (x.length != y.length) {
            throw new IllegalArgumentException("embeddings of different sizes: " + x.length + " and " + y.length);
        }
        double xx = 0, yy = 0, xy = 0;
        for (int i = 0; i < x.length; i++) {
            xx += (double) x[i] * x[i];
            yy += (double) y[i] * y[i];
            xy += (double) x[i] * y[i];
        }
        return xx == 0 || yy == 0 ? 0.0 : xy / (Math.sqrt(xx) * Math.sqrt(yy));
    }
}
