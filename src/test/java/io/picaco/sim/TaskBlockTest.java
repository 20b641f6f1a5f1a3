package io.picaco.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one place where the judge and optimizer prompts are parsed. */
class TaskBlockTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void s7_judgeBlockIsFoundInTheLastUserMessageOrEarlierAfterARepairFollowUp() {
        String block = "Please rate.\n```json\n{\"task\":\"judge\",\"mode\":\"joint\",\"values\":[],\"query\":\"q\",\"response\":\"r\"}\n```";
        List<SimModels.Message> first = List.of(new SimModels.Message("system", "judge"),
                new SimModels.Message("user", block));
        assertEquals("judge", TaskBlock.find(first, JSON).orElseThrow().path("task").asText());

        List<SimModels.Message> repair = List.of(new SimModels.Message("system", "judge"),
                new SimModels.Message("user", block), new SimModels.Message("assistant", "{\"ratings\":[{"),
                new SimModels.Message("user", "That was not valid JSON. Answer again with JSON only."));
        assertEquals("q", TaskBlock.find(repair, JSON).orElseThrow().path("query").asText());

        assertTrue(TaskBlock.find(List.of(new SimModels.Message("user", "no block here")), JSON).isEmpty());
        assertTrue(TaskBlock.parse("```json\n{\"broken\": \n```", JSON).isEmpty());
        // a fence without the json label, and a bare object, are accepted too
        assertTrue(TaskBlock.parse("```\n{\"task\":\"propose\"}\n```", JSON).isPresent());
        assertTrue(TaskBlock.parse("Here: {\"task\":\"propose\",\"count\":2}", JSON).isPresent());
    }
}
