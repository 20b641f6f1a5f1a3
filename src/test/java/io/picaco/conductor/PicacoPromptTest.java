package io.picaco.conductor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.picaco.core.Value;
import io.picaco.steps.ProposeInput;
import io.picaco.store.Instruction;
import io.picaco.store.Json;
import io.picaco.store.ResponseRow;

/** What PICACO shows its optimizer, and what the no-enhancement ablation leaves out (nothing else). */
class PicacoPromptTest {

    @Test
    void theAblationWithoutEnhancementShowsNoExemplarsAndOtherwiseTheSame() {
        ProposeContext c = context();
        ProposeInput full = Methods.of(MethodName.PICACO).proposeInput(c);
        ProposeInput ablated = Methods.of(MethodName.PICACO_NO_ENHANCEMENT).proposeInput(c);
        assertEquals(2, full.exemplars().size(), "one exemplar pair for each of the two weakest values");
        assertEquals("b", full.exemplars().get(0).value(), "the weakest value first");
        assertTrue(ablated.exemplars().isEmpty());
        assertEquals(full.trajectory(), ablated.trajectory());
        assertEquals(full.weakest(), ablated.weakest());
        assertEquals(full.avoid(), ablated.avoid());
        assertEquals(List.of("parroted, most redundant", "parroted"), full.avoid(),
                "the two most redundant answers, among those more redundant than any bare one");
    }

    private static ProposeContext context() {
        List<Value> values = List.of(new Value("a", "A", "being a", 1.0), new Value("b", "B", "being b", 1.0),
                new Value("c", "C", "being c", 1.0));
        RunSpec spec = new RunSpec("t", null, "quick", values, List.of("q0", "q1"), List.of("h0"), 4, 3, 1, 2, 4, 3,
                1.0, 7, "seed", io.picaco.llm.JudgeMode.JOINT, 1500, 0.01, 3, Map.of(), null, MethodName.PICACO, null);
        Instruction seed = instruction(1, "seed", -3.0, Map.of("a", 3.0, "b", 1.0, "c", 2.0));
        List<ResponseRow> train = new ArrayList<>();
        train.add(response(10, ResponseRow.ALIGNED, 0, Map.of("a", 4.0, "b", 5.0, "c", 3.0), 0.2, "high b"));
        train.add(response(11, ResponseRow.ALIGNED, 0, Map.of("a", 4.0, "b", 1.0, "c", 5.0), 0.2, "low b"));
        // bare answers of the noisy pool share at most 0.5 with the value text; parroting shares more than any
        train.add(response(12, ResponseRow.NOISY, 1, null, 0.5, "a bare answer"));
        train.add(response(13, ResponseRow.NOISY, 1, null, 0.1, "another bare answer"));
        train.add(response(14, null, 1, Map.of("a", 3.0, "b", 3.0, "c", 3.0), 0.9, "parroted, most redundant"));
        train.add(response(15, null, 1, Map.of("a", 3.0, "b", 3.0, "c", 3.0), 0.7, "parroted"));
        train.add(response(16, null, 1, Map.of("a", 3.0, "b", 3.0, "c", 3.0), 0.45, "plain"));
        return new ProposeContext(spec, 1, 1, List.of(seed), train);
    }

    private static Instruction instruction(long id, String text, double jHat, Map<String, Double> perValue) {
        Instruction i = new Instruction();
        i.id = id;
        i.text = text;
        i.origin = Instruction.SEED;
        i.jHat = jHat;
        i.perValueJson = Json.write(perValue);
        return i;
    }

    private static ResponseRow response(long id, String pool, int query, Map<String, Double> ratings,
            double redundancy, String text) {
        ResponseRow r = new ResponseRow();
        r.id = id;
        r.pool = pool;
        r.split = ResponseRow.TRAIN;
        r.queryIndex = query;
        r.ratingsJson = ratings == null ? null : Json.write(ratings);
        r.redundancy = redundancy;
        r.text = text;
        return r;
    }
}
