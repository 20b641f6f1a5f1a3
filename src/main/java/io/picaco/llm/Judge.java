package io.picaco.llm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.langchain4j.data.message.ChatMessage;
import io.picaco.core.Value;

/** Rates a response on every value: jointly (one call) or per value (K calls); one repair, then failed. */
@ApplicationScoped
public class Judge {
    /** Kept as names of the {@link JudgeMode} constants, so callers such as {@code Judge.PER_VALUE.equals(mode)} read on. */
    public static final JudgeMode JOINT = JudgeMode.JOINT;
    public static final JudgeMode PER_VALUE = JudgeMode.PER_VALUE;

    /** Ratings and reasons by value id; {@code ratings == null} when the judgment failed (see {@code error}). */
    public record Result(Map<String, Double> ratings, Map<String, String> reasons, String error) {
        public boolean failed() {
            return ratings == null;
        }
    }

    @Inject
    ModelGateway models;
    @Inject
    io.picaco.PicacoConfig config;

    public Result judge(String endpoint, List<Value> values, String query, String response, JudgeMode mode, int seed,
            UsageMeter usage) {
        if (PER_VALUE.equals(mode)) {
            Map<String, Double> ratings = new LinkedHashMap<>();
            Map<String, String> reasons = new LinkedHashMap<>();
            for (Value v : values) {
                Result one = judgeOnce(endpoint, List.of(v), query, response, mode, seed, usage);
                if (one.failed()) {
                    return new Result(null, Map.of(), v.id() + ": " + one.error());
                }
                ratings.putAll(one.ratings());
                reasons.putAll(one.reasons());
            }
            return new Result(ratings, reasons, null);
        }
        return judgeOnce(endpoint, values, query, response, JOINT, seed, usage);
    }

    private Result judgeOnce(String endpoint, List<Value> values, String query, String response, JudgeMode mode, int seed,
            UsageMeter usage) {
        List<String> ids = values.stream().map(Value::id).toList();
        List<ChatMessage> messages = JudgePrompt.messages(values, query, response, mode);
        ModelReply reply;
        try {
            reply = models.chat(endpoint, Role.JUDGE, messages, seed, 0.0, config.judge().logprobs());
            usage.add(reply.usage());
        } catch (ModelCallException e) {
            usage.add(e.usage());
            return new Result(null, Map.of(), e.getMessage());
        }
        try {
            return toResult(JudgeParser.parse(reply.text(), ids), reply.logprobs());
        } catch (JudgeParser.JudgeFormatException first) {
            return repair(endpoint, JudgePrompt.repair(messages, reply.text(), first.getMessage(), ids), ids, seed,
                    usage);
        }
    }

    private Result repair(String endpoint, List<ChatMessage> messages, List<String> ids, int seed, UsageMeter usage) {
        try {
            ModelReply reply = models.chat(endpoint, Role.JUDGE, messages, seed, 0.0, config.judge().logprobs());
            usage.add(reply.usage());
            return toResult(JudgeParser.parse(reply.text(), ids), reply.logprobs());
        } catch (ModelCallException e) {
            usage.add(e.usage());
            return new Result(null, Map.of(), "repair call failed: " + e.getMessage());
        } catch (JudgeParser.JudgeFormatException second) {
            return new Result(null, Map.of(), "judge output unreadable after one repair: " + second.getMessage());
        }
    }

    /** Integer ratings, or the expected ratings under the judge's token probabilities when it returned them. */
    private static Result toResult(Map<String, JudgeParser.Judgment> parsed, List<TokenLogprob> logprobs) {
        Map<String, Double> ratings = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        List<Double> expected = ExpectedRatings.of(logprobs).filter(e -> e.size() == parsed.size()).orElse(null);
        int i = 0;
        for (Map.Entry<String, JudgeParser.Judgment> j : parsed.entrySet()) {
            ratings.put(j.getKey(), expected == null ? j.getValue().rating() : expected.get(i));
            reasons.put(j.getKey(), j.getValue().reason());
            i++;
        }
        return new Result(ratings, reasons, null);
    }
}
