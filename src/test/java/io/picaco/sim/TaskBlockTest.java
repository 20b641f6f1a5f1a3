package io.picaco.sim;
import io.picaco.sim.lang.TaskBlock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The one place where the judge and optimizer prompts are parsed. */
class TaskBlockTest {

    @Test
    void s7_judgeBlockIsFoundInTheLastUserMessageOrEarlierAfterARepairFollowUp() {
        String block = "Please rate.\n```json\n{\"task\":\"judge\",\"mode\":\"joint\",\"values\":[],\"query\":\"q\",\"response\":\"r\"}\n```";
        List<io.picaco.sim.lang.Message> first = List.of(new io.picaco.sim.lang.Message("system", "judge"),
                new io.picaco.sim.lang.Message("user", block));
        assertEquals("judge", TaskBlock.find(first).orElseThrow().path("task").asText());

        List<io.picaco.sim.lang.Message> repair = List.of(new io.picaco.sim.lang.Message("system", "judge"),
                new io.picaco.sim.lang.Message("user", block), new io.picaco.sim.lang.Message("assistant", "{\"ratings\":[{"),
                new io.picaco.sim.lang.Message("user", "That was not valid JSON. Answer again with JSON only."));
        assertEquals("q", TaskBlock.find(repair).orElseThrow().path("query").asText());

        assertTrue(TaskBlock.find(List.of(new io.picaco.sim.lang.Message("user", "no block here"))).isEmpty());
        assertTrue(TaskBlock.parse("```json\n{\"broken\": \n```").isEmpty());
        // a fence without the json label, and a bare object, are accepted too
        assertTrue(TaskBlock.parse("```\n{\"task\":\"propose\"}\n```").isPresent());
        assertTrue(TaskBlock.parse("Here: {\"task\":\"propose\",\"count\":2}").isPresent());
    }
}
