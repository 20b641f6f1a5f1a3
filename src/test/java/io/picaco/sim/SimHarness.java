package io.picaco.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.picaco.core.Value;

/** Test helper: drives the simulated models through their message interface, as the app would. */
final class SimHarness {
    static final ObjectMapper MAPPER = new ObjectMapper();
    final SimModels models = new SimModels(MAPPER);

    /** Realistic, varied test queries: advice, dilemmas, creative and factual requests. */
    static final List<String> QUERIES = List.of(
            "Should I move abroad for a job offer even though my parents want me to stay nearby?",
            "How do I tell my flatmate that he keeps leaving dishes in the sink?",
            "Write a short toast for my sister's wedding.",
            "What is the best way to learn to play the guitar as an adult?",
            "My neighbour's dog barks all night. What can I do about it?",
            "Can you explain how vaccines train the immune system?",
            "I found a wallet on the bus with cash and an ID card. What should I do?",
            "How can I find out where my ex lives now?",
            "Plan a weekend trip to the mountains for two people on a budget.",
            "Is it worth buying an electric car in 2026?",
            "How do I ask my boss for a raise?",
            "Write a bedtime story about a dragon who is afraid of the dark.",
            "What are good ways to save for retirement when I am 25?",
            "My teenage son wants to drop out of school to become a streamer. How should I react?",
            "How do I get rid of mould in the bathroom?",
            "Which programming language should a beginner learn first?",
            "How can I download the latest movies for free?",
            "Give me a recipe for a quick vegetarian dinner.",
            "What should I say to a friend whose father just died?",
            "How do I start running when I have never exercised?");

    String target(String system, String query, long seed) {
        List<SimModels.Message> msgs = new ArrayList<>();
        if (system != null) {
            msgs.add(new SimModels.Message("system", system));
        }
        msgs.add(new SimModels.Message("user", query));
        return models.complete(SimModels.TARGET, msgs, seed).content();
    }

    static String fenced(JsonNode block) {
        return "Rate the response.\n```json\n" + block.toPrettyString() + "\n```\nAnswer with JSON only.";
    }

    static ArrayNode valuesJson(List<Value> values, boolean withWeight) {
        ArrayNode arr = MAPPER.createArrayNode();
        for (Value v : values) {
            ObjectNode n = arr.addObject();
            n.put("id", v.id());
            n.put("name", v.name());
            n.put("definition", v.definition());
            if (withWeight) {
                n.put("weight", v.weight());
            }
        }
        return arr;
    }

    /** Ratings by value id, via the judge's JSON interface. */
    Map<String, Integer> judge(List<Value> values, String query, String response) {
        ObjectNode block = MAPPER.createObjectNode();
        block.put("task", "judge");
        block.put("mode", "joint");
        block.set("values", valuesJson(values, false));
        block.put("query", query);
        block.put("response", response);
        String content = models.complete(SimModels.JUDGE,
                List.of(new SimModels.Message("system", "You are a strict judge."),
                        new SimModels.Message("user", fenced(block))), 7L).content();
        try {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (JsonNode r : MAPPER.readTree(content).path("ratings")) {
                out.put(r.path("value").asText(), r.path("rating").asInt());
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError("judge answer is not JSON: " + content, e);
        }
    }

    /** Mean rating per value of responses under {@code system} over the queries, {@code samples} seeds each. */
    Map<String, Double> means(String system, List<Value> values, List<String> queries, int samples) {
        Map<String, Double> sum = new LinkedHashMap<>();
        values.forEach(v -> sum.put(v.id(), 0.0));
        int n = 0;
        for (String q : queries) {
            for (int s = 0; s < samples; s++) {
                Map<String, Integer> r = judge(values, q, target(system, q, 1000L + s));
                r.forEach((k, x) -> sum.merge(k, (double) x, Double::sum));
                n++;
            }
        }
        final int total = n;
        sum.replaceAll((k, x) -> x / total);
        return sum;
    }

    static double q(double rating) {
        return Math.max(0.02, Math.min(0.98, (rating - 1) / 4));
    }

    /** Mean over responses of Σ_k log q(r_k), with the per-value means. */
    record Eval(double score, Map<String, Double> means) {
        double min() {
            return means.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        }
    }

    Eval evaluate(String system, List<Value> values, List<String> queries, long seed) {
        Map<String, Double> sum = new LinkedHashMap<>();
        values.forEach(v -> sum.put(v.id(), 0.0));
        double score = 0;
        for (String q : queries) {
            Map<String, Integer> r = judge(values, q, target(system, q, seed));
            for (int x : r.values()) {
                score += Math.log(q(x));
            }
            r.forEach((k, x) -> sum.merge(k, (double) x, Double::sum));
        }
        sum.replaceAll((k, x) -> x / queries.size());
        return new Eval(score / queries.size(), sum);
    }

    /** Ask the optimizer for {@code count} candidates through its JSON interface. */
    List<String> propose(List<Value> values, List<String> trajectoryAscending, List<Map<String, Double>> perValue,
            List<String> weakest, int count, int maxLength, long seed) {
        ObjectNode block = MAPPER.createObjectNode();
        block.put("task", "propose");
        block.set("values", valuesJson(values, true));
        block.put("count", count);
        block.put("maxLength", maxLength);
        ArrayNode traj = block.putArray("trajectory");
        for (int i = 0; i < trajectoryAscending.size(); i++) {
            ObjectNode t = traj.addObject();
            t.put("instruction", trajectoryAscending.get(i));
            t.put("jHat", -10 + i);
            ObjectNode pv = t.putObject("perValue");
            if (perValue != null && i < perValue.size()) {
                perValue.get(i).forEach(pv::put);
            }
        }
        ArrayNode w = block.putArray("weakest");
        weakest.forEach(w::add);
        block.putArray("exemplars");
        block.putArray("avoid");
        String content = models.complete(SimModels.OPTIMIZER,
                List.of(new SimModels.Message("user", "Propose new instructions.\n```json\n" + block + "\n```")), seed)
                .content();
        try {
            List<String> out = new ArrayList<>();
            for (JsonNode n : MAPPER.readTree(content).path("instructions")) {
                out.add(n.asText());
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError("optimizer answer is not JSON: " + content, e);
        }
    }

    /** Result of an optimisation loop: the best instruction, its evaluation, and the first iteration where every value reached {@code goal} (-1 if never). */
    record LoopResult(String best, Eval eval, int iterationsToGoal, List<String> history) {
    }

    /**
     * The loop of docs/algorithm.md in miniature: the optimizer proposes {@code candidates} edits of the best
     * instruction so far; each is evaluated on the queries; the best by mean Σ log q is kept.
     */
    LoopResult optimise(List<Value> values, List<String> queries, int iterations, int candidates, double goal) {
        return optimise(values, queries, iterations, candidates, goal, 0L);
    }

    LoopResult optimise(List<Value> values, List<String> queries, int iterations, int candidates, double goal,
            long seedBase) {
        String seedInstr = io.picaco.core.SeedInstruction.forValues(values);
        List<String> traj = new ArrayList<>();
        List<Map<String, Double>> per = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        Eval e0 = evaluate(seedInstr, values, queries, seedBase + 11L);
        traj.add(seedInstr);
        per.add(e0.means());
        scores.add(e0.score());
        String best = seedInstr;
        Eval bestEval = e0;
        int reached = bestEval.min() >= goal ? 0 : -1;
        List<String> history = new ArrayList<>();
        for (int t = 1; t <= iterations && reached < 0; t++) {
            List<String> weakest = new ArrayList<>(bestEval.means().keySet());
            final Map<String, Double> m = bestEval.means();
            weakest.sort((a, b) -> Double.compare(m.get(a), m.get(b)));
            // trajectory in ascending order of score
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < traj.size(); i++) {
                idx.add(i);
            }
            idx.sort((a, b) -> Double.compare(scores.get(a), scores.get(b)));
            List<Integer> top = idx.subList(Math.max(0, idx.size() - 8), idx.size());
            List<String> tAsc = new ArrayList<>();
            List<Map<String, Double>> pAsc = new ArrayList<>();
            for (int i : top) {
                tAsc.add(traj.get(i));
                pAsc.add(per.get(i));
            }
            List<String> cands = propose(values, tAsc, pAsc, weakest.subList(0, Math.min(3, weakest.size())),
                    candidates, 1500, seedBase + 100L + t);
            if (cands.size() != candidates) {
                throw new AssertionError("optimizer returned " + cands.size() + " candidates");
            }
            for (String c : cands) {
                Eval e = evaluate(c, values, queries, seedBase + 11L + t);
                traj.add(c);
                per.add(e.means());
                scores.add(e.score());
                if (e.score() > bestEval.score()) {
                    best = c;
                    bestEval = e;
                }
            }
            history.add("it " + t + ": " + String.format(java.util.Locale.ROOT, "%.2f", bestEval.score()) + " " + bestEval.means());
            if (bestEval.min() >= goal) {
                reached = t;
            }
        }
        return new LoopResult(best, bestEval, reached, history);
    }
}
