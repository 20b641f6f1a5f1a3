package io.picaco.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.picaco.core.BuiltInCompositions;
import io.picaco.core.Composition;
import io.picaco.core.SeedInstruction;
import io.quarkiverse.langchain4j.ModelName;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The app's own named OpenAI chat models (quarkus-langchain4j) talk to the simulator without trouble (S10 usage included). */
@QuarkusTest
@TestProfile(SimLangchain4jClientTest.OwnPort.class)
class SimLangchain4jClientTest {

    /** A fixed port of its own, so that the configured base URLs can point at it. */
    public static class OwnPort implements QuarkusTestProfile {
        static final String PORT = "18931";

        @Override
        public Map<String, String> getConfigOverrides() {
            String url = "http://localhost:" + PORT + "/sim/v1";
            return Map.of("quarkus.http.test-port", PORT,
                    "quarkus.langchain4j.openai.target.base-url", url,
                    "quarkus.langchain4j.openai.judge.base-url", url,
                    "quarkus.langchain4j.openai.optimizer.base-url", url);
        }
    }

    @Inject
    @ModelName("target")
    ChatModel target;

    @Inject
    @ModelName("judge")
    ChatModel judge;

    @Test
    void w11_appClientGetsAnswersAndTokenUsage() throws Exception {
        Composition c = BuiltInCompositions.find("confucianism-4").orElseThrow();
        ChatResponse r = target.chat(SystemMessage.from(SeedInstruction.forValues(c.values())),
                UserMessage.from("How do I ask my boss for a raise?"));
        String answer = r.aiMessage().text();
        assertFalse(answer.isBlank());
        assertNotNull(r.tokenUsage());
        assertTrue(r.tokenUsage().outputTokenCount() > 0);

        ObjectNode block = new ObjectMapper().createObjectNode();
        block.put("task", "judge");
        block.put("mode", "joint");
        block.set("values", SimHarness.valuesJson(c.values(), false));
        block.put("query", "How do I ask my boss for a raise?");
        block.put("response", answer);
        ChatResponse j = judge.chat(UserMessage.from(SimHarness.fenced(block)));
        JsonNode ratings = new ObjectMapper().readTree(j.aiMessage().text()).path("ratings");
        assertEquals(4, ratings.size());
        assertTrue(j.tokenUsage().totalTokenCount() > 0);
    }
}
