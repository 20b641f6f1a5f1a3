package io.picaco.steps;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.core.Value;
import io.picaco.llm.ModelCallException;
import io.picaco.llm.ModelGateway;
import io.picaco.llm.ModelReply;
import io.picaco.llm.OptimizerParser;
import io.picaco.llm.OptimizerPrompt;
import io.picaco.llm.OproPrompt;
import io.picaco.llm.Role;
import io.picaco.llm.Seeds;
import io.picaco.llm.UsageMeter;
import io.picaco.validation.Limits;

/** Asks the optimizer model for new candidate instructions; drops duplicates and trims to the length limit. */
@ApplicationScoped
public class ProposeStep {
    @Inject
    StepRules rules;
    @Inject
    Limits limits;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ProposeStep.class);

    @Inject
    ModelGateway models;
    @Inject
    StepEndpoints endpoints;

    public ProposeOutput propose(ProposeInput in) {
        rules.propose(in);
        String endpoint = endpoints.resolve(in.model(), Role.OPTIMIZER);
        List<Value> values = in.values().stream().map(ValueInput::toValue).toList();
        int count = in.count() == null ? 4 : in.count();
        int maxLength = in.maxLength() == null ? Limits.defaultInstructionLength(limits) : in.maxLength();
        var trajectory = in.trajectory() == null ? List.<OptimizerPrompt.TrajectoryEntry>of() : in.trajectory();
        var messages = ProposeInput.OPRO.equals(in.style())
                ? OproPrompt.messages(values, trajectory.stream().map(ProposeStep::scored).toList(),
                        orEmpty(in.examples()), count, maxLength)
                : OptimizerPrompt.messages(values, trajectory, orEmpty(in.weakest()), orEmpty(in.exemplars()),
                        orEmpty(in.avoid()), count, maxLength);
        if (LOG.isDebugEnabled()) {
            LOG.debug("optimizer prompt: " + ((dev.langchain4j.data.message.UserMessage) messages.get(1)).singleText());
        }
        UsageMeter usage = new UsageMeter();
        List<String> raw;
        try {
            ModelReply reply = models.chat(endpoint, Role.OPTIMIZER, messages,
                    Seeds.derive(in.seed() == null ? 0 : in.seed(), "propose"), 1.0, false);
            usage.add(reply.usage());
            raw = OptimizerParser.parse(reply.text());
        } catch (ModelCallException e) {
            usage.add(e.usage());
            return new ProposeOutput(List.of(), usage.total(), e.getMessage());
        } catch (IllegalArgumentException e) {
            return new ProposeOutput(List.of(), usage.total(), e.getMessage());
        }
        Set<String> seen = new HashSet<>();
        trajectory.forEach(t -> seen.add(key(t.instruction())));
        orEmpty(in.earlier()).forEach(t -> seen.add(key(t)));
        List<String> out = new ArrayList<>();
        for (String candidate : raw) {
            String text = trim(candidate, maxLength);
            if (!text.isBlank() && seen.add(key(text)) && out.size() < count) {
                out.add(text);
            }
        }
        return new ProposeOutput(out, usage.total(), null);
    }

    /** OPRO's score: the mean of the per-value mean ratings (every valid response rates every value). */
    static OproPrompt.Scored scored(OptimizerPrompt.TrajectoryEntry e) {
        return new OproPrompt.Scored(e.instruction(), e.perValue() == null ? 0
                : e.perValue().values().stream().mapToDouble(Double::doubleValue).average().orElse(0));
    }

    private static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }

    /** Duplicates are judged ignoring case and white space. */
    static String key(String instruction) {
        return instruction == null ? "" : instruction.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Cuts an over-long instruction at the last sentence end that fits, or hard at the limit. */
    static String trim(String text, int maxLength) {
        String s = text.strip();
        if (s.length() <= maxLength) {
            return s;
        }
        String head = s.substring(0, maxLength);
        int end = Math.max(head.lastIndexOf(". "), Math.max(head.lastIndexOf(".\n"), head.lastIndexOf('\n')));
        return (end > maxLength / 2 ? head.substring(0, end + 1) : head).strip();
    }
}
