package io.picaco.llm;

import io.picaco.core.Demonstration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.picaco.AppJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The URIAL demonstrations of the built-in compositions (ALGORITHM.md, "Methods"), shipped as data files
 * {@code data/urial/<composition>.json}: {@code {"composition": id, "demonstrations": [{"query", "answer"}, …]}}.
 * Written by this project, three per composition.They live beside the prompts that send them
 * (as earlier chat turns), outside core, which reads no files through libraries.
 */
public final class UrialDemonstrations {
    private static final Map<String, Optional<List<Demonstration>>> CACHE = new ConcurrentHashMap<>();

    private record DemonstrationFile(String composition, List<Demonstration> demonstrations) {
    }

    private UrialDemonstrations() {
    }

    /** The demonstrations of a built-in composition; empty for a composition that ships none (a custom one). */
    public static Optional<List<Demonstration>> find(String compositionId) {
        return compositionId == null ? Optional.empty() : CACHE.computeIfAbsent(compositionId, UrialDemonstrations::read);
    }

    private static Optional<List<Demonstration>> read(String id) {
        String path = "data/urial/" + id + ".json";
        try (InputStream in = UrialDemonstrations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            DemonstrationFile file = AppJson.mapper().readerFor(DemonstrationFile.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(in);
            if (!id.equals(file.composition()) || file.demonstrations() == null) {
                throw new IllegalStateException(path + " must name composition " + id + " and list demonstrations");
            }
            return Optional.of(List.copyOf(file.demonstrations()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
