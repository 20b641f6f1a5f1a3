package io.picaco.experiment.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report serializes with the field names of ARCHITECTURE.md "Experiments" (a contract outside checks read). */
class CellReportJsonTest {

    @Test
    void fieldNamesAndShapesMatchTheExperimentsContract() throws Exception {
        Map<Unit, Map<String, Double>> picaco = Map.of(new Unit(0, "q1"), Map.of("a", 4.0), new Unit(0, "q2"),
                Map.of("a", 5.0), new Unit(1, "q1"), Map.of("a", 4.0));
        Map<Unit, Map<String, Double>> opro = Map.of(new Unit(0, "q1"), Map.of("a", 3.0), new Unit(0, "q2"),
                Map.of("a", 4.0), new Unit(1, "q1"), Map.of("a", 5.0));
        CellReport report = CellStatistics.compute(List.of("a"), Map.of(),
                List.of(new MethodRatings("picaco", picaco), new MethodRatings("opro", opro)));

        JsonNode json = new ObjectMapper().valueToTree(report);

        assertEquals(3, json.get("units").asInt());
        JsonNode p = json.get("methods").get(0);
        for (String field : List.of("method", "mean", "ci", "min", "cv", "redundancy", "perValue", "meanRank",
                "vsPicaco")) {
            assertTrue(p.has(field), "methods[].%s".formatted(field));
        }
        assertTrue(p.get("ci").isArray() && p.get("ci").size() == 2, "ci is [lo, hi]");
        assertTrue(p.get("vsPicaco").isNull());
        JsonNode vs = json.get("methods").get(1).get("vsPicaco");
        assertEquals(List.of("diff", "ci", "p", "pHolm"), names(vs.fieldNames()));
        assertEquals(List.of("chi2", "df", "p"), names(json.get("friedman").fieldNames()));
        assertEquals(13.0 / 3, p.get("perValue").get("a").asDouble(), 1e-12, "(4 + 5 + 4) / 3 units");
    }

    private static List<String> names(Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
