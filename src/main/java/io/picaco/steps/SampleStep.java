package io.picaco.steps;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.picaco.core.Demonstration;
import io.picaco.llm.CallPool;
import io.picaco.llm.ModelCallException;
import io.picaco.llm.ModelGateway;
import io.picaco.llm.ModelReply;
import io.picaco.llm.Role;
import io.picaco.llm.Seeds;
import io.picaco.llm.UsageMeter;

/** Draws responses from the target model, one call per item, in parallel. */
@ApplicationScoped
public class SampleStep {
    @Inject
    StepRules rules;
    @Inject
    ModelGateway models;
    @Inject
    CallPool pool;
    @Inject
    StepEndpoints endpoints;

    public SampleOutput sample(SampleInput in) {
        rules.sample(in);
        String endpoint = endpoints.resolve(in.model(), Role.TARGET);
        long seed = in.seed() == null ? 0 : in.seed();
        UsageMeter usage = new UsageMeter();
        List<SampleOutput.Response> out = pool.map(in.items(), it -> {
            int index = it.sampleIndex() == null ? 0 : it.sampleIndex();
            int callSeed = Seeds.derive(seed, "sample", it.instruction(), it.query(), index);
            try {
                ModelReply reply = models.chat(endpoint, Role.TARGET, messages(it.instruction(), it.demonstrations(), it.query()),
                        callSeed, in.temperature(), false);
                usage.add(reply.usage());
                return new SampleOutput.Response(it.id(), reply.text(), null);
            } catch (ModelCallException e) {
                usage.add(e.usage());
                return new SampleOutput.Response(it.id(), null, e.getMessage());
            }
        });
        return new SampleOutput(out, usage.total());
    }

    static List<ChatMessage> messages(String instruction, String query) {
        return messages(instruction, null, query);
    }

    /** The system instruction (none for the bare model), any demonstrations as earlier turns, then the query. */
    static List<ChatMessage> messages(String instruction, List<Demonstration> demonstrations, String query) {
        List<ChatMessage> messages = new java.util.ArrayList<>();
        if (instruction != null && !instruction.isBlank()) {
            messages.add(SystemMessage.from(instruction));
        }
        if (demonstrations != null) {
            demonstrations.forEach(d -> {
                messages.add(UserMessage.from(d.query()));
                messages.add(AiMessage.from(d.answer()));
            });
        }
        messages.add(UserMessage.from(query));
        return List.copyOf(messages);
    }
}
