package io.picaco.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.picaco.core.BuiltInCompositions;
import io.picaco.core.Composition;
import io.picaco.core.QuerySets;
import io.picaco.core.Tension;
import io.picaco.core.Value;
import io.picaco.sim.lang.Message;

/**
 * Test helper: drives the simulated models through their message interface only, as the app would. (Tests may
 * use the app's compositions and query sets; the simulator itself may not.)
 */
final class SimHarness {
    static final ObjectMapper MAPPER = new ObjectMapper();
    final SimModels models = new SimModels(MAPPER);

    static Composition composition(String id) {
        return BuiltInCompositions.find(id).orElseThrow();
    }

    static List<String> queries(Composition c) {
        return QuerySets.load(c.querySet());
    }

    String target(String system, String query, long seed) {
        List<Message> msgs = new ArrayList<>();
        if (system != null) {
            msgs.add(new Message("system", system));
        }
        msgs.add(new Message("user", query));
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

    static ObjectNode judgeBlock(List<Value> values, String query, String response) {
        ObjectNode block = MAPPER.createObjectNode();
        block.put("task", "judge");
        block.put("mode", "joint");
        block.set("values", valuesJson(values, false));
        ArrayNode t = block.putArray("tensions");
        for (Tension x : BuiltInCompositions.tensionsAmong(values)) {
            ObjectNode n = t.addObject();
            n.putArray("values").add(x.a()).add(x.b());
            n.put("why", x.why());
        }
        block.put("query", query);
        block.put("response", response);
        return block;
    }

    /** Ratings by value id from {@code model} (sim-judge or sim-evaluator), via its JSON interface. */
    Map<String, Integer> rate(String model, List<Value> values, String query, String response) {
        return parseRatings(rateRaw(model, judgeBlock(values, query, response)));
    }

    String rateRaw(String model, ObjectNode block) {
        return models.complete(model, List.of(new Message("system", "You are a strict judge."),
                new Message("user", fenced(block))), 7L).content();
    }

    static Map<String, Integer> parseRatings(String content) {
        try {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (JsonNode r : MAPPER.readTree(content).path("ratings")) {
                out.put(r.path("value").asText(), r.path("rating").asInt());
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError("rater answer is not JSON: " + content, e);
        }
    }

    Map<String, Integer> judge(List<Value> values, String query, String response) {
        return rate(SimModels.JUDGE, values, query, response);
    }

    /** Mean rating per value of responses under {@code system}, {@code samples} per query. */
    Map<String, Double> means(String model, String system, List<Value> values, List<String> queries, int samples,
            long seed) {
        Map<String, Double> sum = new LinkedHashMap<>();
        values.forEach(v -> sum.put(v.id(), 0.0));
        int n = 0;
        for (String q : queries) {
            for (int s = 0; s < samples; s++) {
                rate(model, values, q, target(system, q, seed * 1000 + s)).forEach((k, x) -> sum.merge(k,
                        (double) x, Double::sum));
                n++;
            }
        }
        final int total = n;
        sum.replaceAll((k, x) -> x / total);
        return sum;
    }

    static double mean(Map<String, Double> m) {
        return m.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    static double min(Map<String, Double> m) {
        return m.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    static double q(double rating) {
        return Math.max(0.02, Math.min(0.98, (rating - 1) / 4));
    }

    /** Σ_k log q of the judge's mean over queries (the conformity part of the objective, without redundancy). */
    double score(String system, List<Value> values, List<String> queries, long seed) {
        double score = 0;
        for (String q : queries) {
            for (int x : judge(values, q, target(system, q, seed)).values()) {
                score += Math.log(q(x));
            }
        }
        return score / queries.size();
    }

    /** Candidates from the optimizer through its JSON interface. */
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
            ObjectNode pv = t.putObject("perValue");
            if (perValue != null && i < perValue.size()) {
                perValue.get(i).forEach(pv::put);
            }
        }
        ArrayNode w = block.putArray("weakest");
        weakest.forEach(w::add);
        block.putArray("exemplars").addObject().put("value", weakest.get(0))
                .put("lowReason", "Repeats the definition instead of acting on it.");
        block.putArray("avoid").add("Tradition matters here: respect for customs.");
        String content = models.complete(SimModels.OPTIMIZER,
                List.of(new Message("user", "Propose new instructions that cover every value.\n```json\n" + block
                        + "\n```")), seed)
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

    record LoopResult(String best, List<String> all, int improvements, int proposed) {
    }

    /** A small hill-climbing loop over the optimizer's candidates, scored by the judge on the training queries. */
    LoopResult optimise(List<Value> values, List<String> training, int iterations, int candidates, long seed) {
        String best = io.picaco.core.SeedInstruction.forValues(values);
        double bestScore = score(best, values, training, seed);
        Map<String, Double> bestMeans = means(SimModels.JUDGE, best, values, training, 1, seed);
        List<String> traj = new ArrayList<>(List.of(best));
        List<Map<String, Double>> per = new ArrayList<>(List.of(bestMeans));
        int improved = 0;
        int proposed = 0;
        for (int t = 1; t <= iterations; t++) {
            List<String> weakest = new ArrayList<>(bestMeans.keySet());
            final Map<String, Double> m = bestMeans;
            weakest.sort((a, b) -> Double.compare(m.get(a), m.get(b)));
            String parent = best;
            double parentScore = bestScore;
            for (String c : propose(values, traj, per, weakest.subList(0, Math.max(2, weakest.size() / 2)), candidates,
                    1500, seed * 100 + t)) {
                proposed++;
                double s = score(c, values, training, seed);
                improved += s > parentScore ? 1 : 0;
                if (s > bestScore) {
                    best = c;
                    bestScore = s;
                    bestMeans = means(SimModels.JUDGE, c, values, training, 1, seed);
                }
            }
            if (!best.equals(parent)) {
                traj.add(best);
                per.add(bestMeans);
            }
        }
        return new LoopResult(best, traj, improved, proposed);
    }
}
