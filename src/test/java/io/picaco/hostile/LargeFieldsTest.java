package io.picaco.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A 1 MB adversarial string in every text field of every POST endpoint: a 4xx (or a 2xx) within 2 s, nothing stored. */
@QuarkusTest
class LargeFieldsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final long LIMIT_MS = 2000;

    @TestHTTPResource("/")
    URL root;

    static final String RUN = """
            {"name": "n", "values": [{"id": "a", "name": "A", "definition": "Be a."},
              {"id": "b", "name": "B", "definition": "Be b."}],
             "queries": ["q1", "q2", "q3", "q4", "q5"], "preset": "quick", "seedInstruction": "s",
             "judgeMode": "joint", "models": {"target": "target", "optimizer": "optimizer", "judge": "judge"}}
            """;
    static final String PROPOSE = """
            {"values": [{"id": "a", "name": "A", "definition": "Be a."}, {"id": "b", "name": "B", "definition": "b"}],
             "trajectory": [{"instruction": "i", "score": 1.0}], "weakest": ["a"], "exemplars": [],
             "avoid": ["x"], "count": 1, "maxLength": 500, "earlier": ["e"], "seed": 1, "model": "optimizer"}
            """;
    static final String SAMPLE = """
            {"items": [{"id": "i1", "instruction": "Be kind.", "query": "How do I cook rice?", "sampleIndex": 0}],
             "seed": 1, "model": "target"}
            """;
    static final String SCORE = """
            {"values": [{"id": "a", "name": "A", "definition": "Be a."}, {"id": "b", "name": "B", "definition": "b"}],
             "observations": "A: Be a.", "items": [{"id": "r1", "query": "q", "response": "r"}],
             "judgeMode": "joint", "judge": true, "seed": 1, "model": "judge"}
            """;
    static final String SELECT = """
            {"beta": 1.0, "values": ["a"], "incumbent": "c1", "instructions": [{"id": "c1", "responses": [
              {"id": "r1", "queryId": "q1", "ratings": {"a": 4}, "redundancy": 0.2}]}]}
            """;
    static final String CHAT = """
            {"model": "sim-target", "seed": 1, "messages": [{"role": "system", "content": "Be kind."},
              {"role": "user", "content": "How do I cook rice?"}]}
            """;

    record Case(String path, String template, String field) {
    }

    @Test
    void everyJsonTextFieldTakesAMegabyteQuickly() throws Exception {
        String big = Hostile.adversarial();
        List<Case> cases = new ArrayList<>();
        for (String f : List.of("name", "composition", "querySet", "preset", "seedInstruction", "judgeMode",
                "models.target", "values.0.id", "values.0.name", "values.0.definition", "queries.0")) {
            cases.add(new Case("/api/runs", RUN, f));
            cases.add(new Case("/api/runs/estimate", RUN, f));
        }
        for (String f : List.of("values.0.definition", "values.0.name", "trajectory.0.instruction", "weakest.0",
                "avoid.0", "earlier.0", "model")) {
            cases.add(new Case("/propose", PROPOSE, f));
        }
        for (String f : List.of("items.0.instruction", "items.0.query", "items.0.id", "model")) {
            cases.add(new Case("/sample", SAMPLE, f));
        }
        for (String f : List.of("observations", "items.0.response", "items.0.query", "judgeMode", "model")) {
            cases.add(new Case("/score", SCORE, f));
        }
        for (String f : List.of("incumbent", "values.0", "instructions.0.id", "instructions.0.responses.0.queryId")) {
            cases.add(new Case("/select", SELECT, f));
        }
        for (String model : List.of("sim-target", "sim-judge", "sim-optimizer")) {
            for (String f : List.of("messages.0.content", "messages.1.content")) {
                cases.add(new Case("/sim/v1/chat/completions", CHAT.replace("sim-target", model), f));
            }
        }
        cases.add(new Case("/sim/v1/chat/completions", CHAT, "model"));
        long before = Hostile.storedRuns();
        long slowest = 0;
        for (Case c : cases) {
            ObjectNode body = (ObjectNode) JSON.readTree(c.template());
            set(body, c.field(), big);
            Hostile.Reply r = Hostile.send(Hostile.base(root), "POST", c.path(), "application/json",
                    JSON.writeValueAsBytes(body));
            check(c.path() + " " + c.field(), r);
            slowest = Math.max(slowest, r.millis());
        }
        // the simulator, as in the report: 1 MB of spaces as the user message
        String spaces = CHAT.replace("How do I cook rice?", " ".repeat(Hostile.MB));
        Hostile.Reply r = Hostile.send(Hostile.base(root), "POST", "/sim/v1/chat/completions", "application/json",
                spaces.getBytes(StandardCharsets.UTF_8));
        check("1 MB of spaces to the simulator", r);
        slowest = Math.max(slowest, r.millis());
        assertEquals(before, Hostile.storedRuns(), "nothing stored");
        System.out.printf("1 MB fields: %d JSON cases, slowest %d ms%n", cases.size() + 1, slowest);
    }

    @Test
    void everyFormFieldAndTheUploadTakeAMegabyteQuickly() {
        String big = Hostile.adversarial();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("source", "custom");
        form.put("values[0].name", "A");
        form.put("values[0].definition", "Be a.");
        form.put("values[0].weight", "1");
        form.put("values[1].name", "B");
        form.put("values[1].definition", "Be b.");
        form.put("querySource", "paste");
        form.put("queries", "q1\nq2\nq3\nq4\nq5");
        form.put("preset", "quick");
        form.put("name", "n");
        form.put("seedInstruction", "s");
        form.put("iterations", "1");
        form.put("beta", "1");
        form.put("heldOut", "2");
        form.put("seed", "1");
        form.put("judgeMode", "joint");
        form.put("models.target", "target");
        form.put("op", "start");
        long before = Hostile.storedRuns();
        long slowest = 0;
        int n = 0;
        for (String path : List.of("/runs", "/runs/estimate")) {
            for (String field : form.keySet()) {
                Map<String, String> f = new LinkedHashMap<>(form);
                f.put(field, big);
                Hostile.Reply r = Hostile.send(Hostile.base(root), "POST", path, "application/x-www-form-urlencoded",
                        urlencoded(f).getBytes(StandardCharsets.UTF_8));
                check(path + " " + field, r);
                slowest = Math.max(slowest, r.millis());
                n++;
                Hostile.Reply m = Hostile.send(Hostile.base(root), "POST", path, "multipart/form-data; boundary=XyZ",
                        multipart(f, null));
                check(path + " multipart " + field, m);
                slowest = Math.max(slowest, m.millis());
                n++;
            }
        }
        Map<String, String> upload = new LinkedHashMap<>(form);
        upload.put("querySource", "file");
        for (String content : List.of(big, big.replace('x', ','), "{\"query\": \"" + " ".repeat(Hostile.MB) + "\"}")) {
            Hostile.Reply r = Hostile.send(Hostile.base(root), "POST", "/runs", "multipart/form-data; boundary=XyZ",
                    multipart(upload, content));
            check("upload", r);
            slowest = Math.max(slowest, r.millis());
            n++;
        }
        assertEquals(before, Hostile.storedRuns(), "nothing stored");
        System.out.printf("1 MB fields: %d form and upload cases, slowest %d ms%n", n, slowest);
    }

    @Test
    void everyExperimentFormFieldTakesAMegabyteAndAFloodOfTicksQuickly() {
        String big = Hostile.adversarial();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "n");
        form.put("compositions", "helpfulness-4");
        form.put("methods", "picaco");
        form.put("targets", "target");
        form.put("preset", "quick");
        form.put("repeats", "1");
        form.put("iterations", "1");
        form.put("heldOut", "4");
        form.put("seed", "1");
        form.put("op", "start");
        long before = Hostile.storedExperiments();
        for (String path : List.of("/experiments", "/experiments/estimate")) {
            for (String field : form.keySet()) {
                Map<String, String> f = new LinkedHashMap<>(form);
                f.put(field, big);
                Hostile.Reply r = Hostile.send(Hostile.base(root), "POST", path, "application/x-www-form-urlencoded",
                        urlencoded(f).getBytes(StandardCharsets.UTF_8));
                check(path + " " + field, r);
            }
            Hostile.Reply m = Hostile.send(Hostile.base(root), "POST", path, "multipart/form-data; boundary=XyZ",
                    multipart(form, null));
            check(path + " multipart", m);
            String flood = "methods=picaco&".repeat(100_000) + "compositions=helpfulness-4&op=start";
            Hostile.Reply ticks = Hostile.send(Hostile.base(root), "POST", path, "application/x-www-form-urlencoded",
                    flood.getBytes(StandardCharsets.UTF_8));
            check(path + " with 100,000 ticks", ticks);
            assertTrue(ticks.body().length() < 200_000, path + " answered " + ticks.body().length() + " characters");
        }
        assertEquals(before, Hostile.storedExperiments(), "nothing stored");
    }

    @Test
    void aForgedRowIndexIsABadRequest() {
        long before = Hostile.storedRuns();
        for (String key : List.of("values[99999999999].name", "values[100].name", "values[2147483648].weight")) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("source", "custom");
            f.put(key, "X");
            f.put("values[0].name", "A");
            f.put("values[0].definition", "Be a.");
            f.put("values[1].name", "B");
            f.put("values[1].definition", "Be b.");
            f.put("querySet", "hh");
            f.put("op", "start");
            Hostile.Reply r = Hostile.send(Hostile.base(root), "POST", "/runs", "application/x-www-form-urlencoded",
                    urlencoded(f).getBytes(StandardCharsets.UTF_8));
            assertEquals(400, r.status(), key);
            assertTrue(r.body().contains("out of range"), key);
            assertFalse(Hostile.TRACE.matcher(r.body()).find(), key);
        }
        assertEquals(before, Hostile.storedRuns(), "nothing stored");
    }

    @Test
    void hugeListsGetAShortAnswer() {
        String many = "\"\"," .repeat(300_000) + "\"\"";
        long before = Hostile.storedRuns();
        for (String[] c : new String[][] {
                { "/select", "{\"values\": [" + many + "], \"instructions\": []}" },
                { "/api/runs", "{\"composition\": \"helpfulness-4\", \"queries\": [" + many + "]}" },
                { "/propose", "{\"values\": [], \"earlier\": [" + many + "]}" } }) {
            Hostile.Reply r = Hostile.send(Hostile.base(root), "POST", c[0], "application/json",
                    c[1].getBytes(StandardCharsets.UTF_8));
            check(c[0] + " with 300,000 entries", r);
            assertEquals(400, r.status(), c[0]);
            assertTrue(r.body().length() < 20_000, c[0] + " answered " + r.body().length() + " characters");
        }
        assertEquals(before, Hostile.storedRuns(), "nothing stored");
    }

    static void check(String what, Hostile.Reply r) {
        assertTrue(r.status() < 500, what + " gave " + r.status() + ": " + head(r.body()));
        assertTrue(r.millis() < LIMIT_MS, what + " took " + r.millis() + " ms");
        assertFalse(Hostile.TRACE.matcher(r.body()).find(), what + " shows a stack trace: " + head(r.body()));
        assertFalse(r.body().length() > 3 * Hostile.MB, what + " echoed " + r.body().length() + " characters");
    }

    static String head(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    static void set(ObjectNode body, String path, String value) {
        String[] parts = path.split("\\.");
        JsonNode node = body;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.isArray() ? node.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (node.isArray()) {
            ((ArrayNode) node).set(Integer.parseInt(last), JSON.getNodeFactory().textNode(value));
        } else {
            ((ObjectNode) node).put(last, value);
        }
    }

    static String urlencoded(Map<String, String> f) {
        StringBuilder sb = new StringBuilder();
        f.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    static byte[] multipart(Map<String, String> f, String file) {
        StringBuilder sb = new StringBuilder();
        f.forEach((k, v) -> sb.append("--XyZ\r\nContent-Disposition: form-data; name=\"").append(k)
                .append("\"\r\n\r\n").append(v).append("\r\n"));
        if (file != null) {
            sb.append("--XyZ\r\nContent-Disposition: form-data; name=\"queriesFile\"; filename=\"q.csv\"\r\n")
                    .append("Content-Type: text/csv\r\n\r\n").append(file).append("\r\n");
        }
        return sb.append("--XyZ--\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
