package io.picaco.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * H2: nothing in the simulator refers to any optimization method or its quantities; it reads prompts as text and
 * the JSON blocks a real model would read too. (H1, the package rules, is {@code ArchitectureTest}.)
 */
class SimHonestyTest {
    /** Ĵ and τ, the objective's and pools' names, and the methods. The package and app name are not mentions. */
    static final Pattern METHOD = Pattern.compile("(?i)Ĵ|τ|\\bj-?hat\\b|jHat|\\btau\\b|\\bpools?\\b|aligned pool|"
            + "noisy pool|picaco|\\bopro\\b|total correlation|objective");

    @Test
    void h2_theSimulatorSourceNamesNoMethodAndNoneOfItsQuantities() throws IOException {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/picaco/sim"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                int n = 0;
                for (String line : Files.readAllLines(f)) {
                    n++;
                    String text = line.replace("io.picaco.", "").replace("picaco-sim", "")
                            .replace("picaco.sim", "").replace("picaco.functions-only", "");
                    if (METHOD.matcher(text).find()) {
                        hits.add(f.getFileName() + ":" + n + ": " + line.strip());
                    }
                }
            }
        }
        assertTrue(hits.isEmpty(), String.join("\n", hits));
    }

    @Test
    void h2_aModelAnswersFromItsPromptAlone_theRatersReadOnlyValuesGivenInTheirPrompt() {
        SimHarness h = new SimHarness();
        // a value the app has never heard of is rated like any other, from its definition in the prompt
        var thrift = new io.picaco.core.Value("thrift", "Thrift", "Spending carefully and saving money for later.");
        String q = "Plan a weekend trip to the mountains.";
        String acted = "For the weekend trip, I suggest saving money by spending carefully on food; for example, "
                + "one packed lunch for the mountains.";
        assertTrue(h.judge(List.of(thrift), q, acted).get("thrift") >= 4);
        assertTrue(h.judge(List.of(thrift), q, "Take the train to the mountains.").get("thrift") == 1);
    }
}
