package io.picaco.deploy;

import java.util.HashMap;
import java.util.Map;

import io.picaco.llm.StubOpenAi;

/**
 * The OpenAI-compatible stub for the roles' models, but the package's own embedder: MiniLM in process (so the
 * event test proves the kept ONNX natives load), or the stub's embeddings endpoint in the {@code no-onnx} package.
 */
public class LambdaModels extends StubOpenAi {
    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.remove("picaco.embedder.kind");
        return config;
    }
}
