package io.picaco.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * all-MiniLM-L6-v2 with int8 weights and float activations, run in process by ONNX Runtime.
 * <p>
 * Why not langchain4j's {@code -q} model: it quantizes every activation at run time, and the last-bit differences of
 * ONNX Runtime's float kernels between CPUs (AVX2, AVX-512, NEON) then cross quantization steps, so the same text got
 * cosines up to 5e-3 apart on two machines. This graph ({@code scripts/float-activations.py}) keeps the same int8
 * weights but computes in float: machines differ only in the last bits (measured: under 1e-7).
 */
final class MiniLmEmbeddingModel extends AbstractInProcessEmbeddingModel {
    static final String MODEL = "embedding/all-minilm-l6-v2-w8.onnx";
    static final String TOKENIZER = "embedding/all-minilm-l6-v2-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    MiniLmEmbeddingModel(Executor executor) {
        super(executor);
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            // Fold the weights' DequantizeLinear into float constants once, instead of re-fusing them into int8 kernels.
            options.addConfigEntry("session.disable_quant_qdq", "1");
            // One thread per call: texts are embedded in parallel by the executor, and a call's result never depends
            // on how many threads split it.
            options.setIntraOpNumThreads(1);
            // No CPU arena and no memory-pattern planning: the arena keeps its peak (about 25 MB measured) for the
            // life of the process, while a call's activations are a few hundred KB; the kernels, and so the bits of
            // every embedding, are the same.
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            // From a file, not a byte array: 23 MB read onto the heap would stay committed long after the session
            // has its own copy.
            java.nio.file.Path file = java.nio.file.Files.createTempFile("picaco-minilm-", ".onnx");
            try {
                java.nio.file.Files.copy(model, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                encoder = new OnnxBertBiEncoder(env, env.createSession(file.toString(), options), tokenizer,
                        PoolingMode.MEAN);
            } finally {
                java.nio.file.Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model " + MODEL, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = MiniLmEmbeddingModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return 384;
    }
}
