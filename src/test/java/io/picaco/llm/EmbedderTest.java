package io.picaco.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.langchain4j.data.embedding.Embedding;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The redundancy embedder gives the same cosines on every machine. The expected values were recorded on an AMD EPYC
 * with AVX-512 (avx512f, avx512_vnni) and checked under an emulated AVX2-only CPU (qemu-x86_64 -cpu EPYC-Rome), where
 * they agreed to within 1e-7; langchain4j's run-time-quantized model differed there by up to 5e-3. A Quarkus test, so
 * that it uses the app's embedder (and the native tokenizer is loaded once per test JVM).
 */
@QuarkusTest
class EmbedderTest {
    static final String OBSERVATIONS = "Tradition: respect for customs and ideas that one's culture or religion provides.\n"
            + "Benevolence: caring for the welfare of people close to you.";
    static final List<String> TEXTS = List.of(
            "Ask an elder how your family has always cooked this dish, and keep the recipe.",
            "Water tomatoes in the morning and give them six hours of sun.",
            "Tradition and benevolence: respect customs, care for the welfare of people close to you.");
    static final double[] RECORDED = { 0.134484858, 0.080865510, 0.868789036 };

    @Inject
    Embedder embedder;

    @Test
    void cosinesMatchTheRecordedValuesToWellBelowAnyDecision() {
        Embedding s = embedder.embed(OBSERVATIONS);
        for (int i = 0; i < TEXTS.size(); i++) {
            assertEquals(RECORDED[i], Embedder.cosine(embedder.embed(TEXTS.get(i)), s), 1e-6, TEXTS.get(i));
        }
        // and they mean something: restating the values is far more redundant than acting on them
        assertEquals(true, RECORDED[2] > RECORDED[0] + 0.5);
    }

    @Test
    void aTextEmbedsTheSameAloneAndInABatch() {
        List<Embedding> batch = embedder.embedAll(TEXTS);
        for (int i = 0; i < TEXTS.size(); i++) {
            assertArrayEquals(embedder.embed(TEXTS.get(i)).vector(), batch.get(i).vector(), TEXTS.get(i));
        }
    }

    @Test
    void cosineIsComputedInDoubleAndIsSymmetric() {
        Embedding a = new Embedding(new float[] { 1f, 2f, 3f });
        Embedding b = new Embedding(new float[] { 3f, 2f, 1f });
        assertEquals(10.0 / 14.0, Embedder.cosine(a, b), 1e-15);
        assertEquals(Embedder.cosine(a, b), Embedder.cosine(b, a));
        assertEquals(0.0, Embedder.cosine(a, new Embedding(new float[3])));
    }
}
