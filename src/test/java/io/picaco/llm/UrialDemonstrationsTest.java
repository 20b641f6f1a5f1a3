package io.picaco.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.picaco.core.BuiltInCompositions;
import io.picaco.core.Composition;
import io.picaco.core.Demonstration;
import io.picaco.core.QuerySets;
import io.picaco.core.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UrialDemonstrationsTest {

    @Test
    void everyBuiltInCompositionHasThreeWellFormedDemonstrations() {
        Set<String> seenQueries = new HashSet<>();
        for (Composition c : BuiltInCompositions.all()) {
            List<Demonstration> demos = UrialDemonstrations.find(c.id()).orElseThrow(() -> new AssertionError(c.id()));
            assertEquals(3, demos.size(), c.id());
            List<String> querySet = QuerySets.load(c.querySet());
            for (Demonstration d : demos) {
                assertFalse(d.query().isBlank(), c.id());
                int words = d.answer().strip().split("\\s+").length;
                assertTrue(words >= 80 && words <= 160, c.id() + ": answer of " + words + " words");
                // A demonstration shown to the target must not be one of the queries it is evaluated on.
                assertFalse(querySet.contains(d.query().strip()), c.id() + " leaks a query: " + d.query());
                assertTrue(seenQueries.add(d.query()), "query used twice: " + d.query());
                // The answer should embody the values, not recite their definitions.
                for (Value v : c.values()) {
                    assertFalse(d.answer().contains(v.definition()), c.id() + " quotes the definition of " + v.id());
                }
            }
        }
    }

    @Test
    void aCompositionWithoutShippedDemonstrationsHasNone() {
        assertTrue(UrialDemonstrations.find("my-custom-values").isEmpty());
        assertTrue(UrialDemonstrations.find(null).isEmpty());
    }
}
