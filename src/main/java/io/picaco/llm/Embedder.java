package io.picaco.llm;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;

/** The redundancy embedder: in-process all-MiniLM-L6-v2 (quantized), loaded once on first use. */
@ApplicationScoped
public class Embedder {
    private volatile EmbeddingModel model;

    private EmbeddingModel model() {
        if (model == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
            }
        }
        return model;
    }

    public Embedding embed(String text) {
        return model().embed(text).content();
    }

    public List<Embedding> embedAll(List<String> texts) {
        return model().embedAll(texts.stream().map(dev.langchain4j.data.segment.TextSegment::from).toList()).content();
    }

    public static double cosine(Embedding a, Embedding b) {
        return CosineSimilarity.between(a, b);
    }
}
