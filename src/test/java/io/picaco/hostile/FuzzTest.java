package io.picaco.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Generated malformed requests to every POST endpoint: JSON, form and multipart bodies with wrong types, huge and
 * negative numbers, NaN, odd Unicode, nulls, huge fields and broken syntax. No 5xx, no stack trace, nothing stored.
 */
@QuarkusTest
class FuzzTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final int PER_ENDPOINT = 500;
    static final String[] ODD = { "\u0000", "\uD800", "\uDFFF", "\u202Eevil", "\u200B\u200C\u200D", "\uFEFF",
            "e\u0301\u0301\u0301", "𝔘𝔫𝔦", "🧨💥", "\\u0000", "<script>alert(1)</script>", "'; DROP TABLE run; --",
            "${jndi:ldap://x}", "{{7*7}}", "%00", "../../etc/passwd", "\r\nSet-Cookie: x=1", "NaN", "Infinity",
            "-0", "1e309", "", " ", "null", "[]", "{}" };

    @TestHTTPResource("/")
    URL root;

    final Random rnd = new Random(20261130);
    final Map<String, Integer> sent = new TreeMap<>();

    @Test
    void malformedRequestsNeverFailOrStore() throws Exception {
        long before = Hostile.storedRuns();
        long experiments = Hostile.storedExperiments();
        String id = "00000000-0000-0000-0000-000000000000";
        Map<String, String> jsonEndpoints = new LinkedHashMap<>();
        jsonEndpoints.put("/api/runs", LargeFieldsTest.RUN);
        jsonEndpoints.put("/api/runs/estimate", LargeFieldsTest.RUN);
        jsonEndpoints.put("/propose", LargeFieldsTest.PROPOSE);
        jsonEndpoints.put("/sample", LargeFieldsTest.SAMPLE);
        jsonEndpoints.put("/score", LargeFieldsTest.SCORE);
        jsonEndpoints.put("/select", LargeFieldsTest.SELECT);
        jsonEndpoints.put("/sim/v1/chat/completions", LargeFieldsTest.CHAT);
        jsonEndpoints.put("/api/runs/" + id + "/cancel", "{}");
        for (Map.Entry<String, String> e : jsonEndpoints.entrySet()) {
            JsonNode base = JSON.readTree(e.getValue());
            for (int i = 0; i < PER_ENDPOINT; i++) {
                send(e.getKey(), i % 10 == 0 ? "text/plain" : "application/json", jsonBody(base, e.getKey()));
            }
        }
        for (String path : List.of("/runs", "/runs/estimate", "/runs/" + id + "/cancel", "/sign-in", "/sign-out",
                "/experiments", "/experiments/estimate", "/experiments/" + id + "/cancel")) {
            for (int i = 0; i < PER_ENDPOINT; i++) {
                Map<String, String> form = formFields();
                if (i % 2 == 0) {
                    send(path, "application/x-www-form-urlencoded", garble(LargeFieldsTest.urlencoded(form)));
                } else {
                    boolean broken = rnd.nextInt(8) == 0;
                    byte[] body = LargeFieldsTest.multipart(form, rnd.nextBoolean() ? text() : null);
                    send(path, "multipart/form-data; boundary=" + (broken ? "Other" : "XyZ"),
                            broken ? truncate(body) : body);
                }
            }
        }
        assertEquals(before, Hostile.storedRuns(), "nothing stored");
        assertEquals(experiments, Hostile.storedExperiments(), "no experiment stored");
        int total = sent.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("Fuzz: %d malformed requests to %d POST endpoints: %s%n", total, sent.size(), sent);
        assertTrue(total >= 500 && sent.size() >= 16);
    }

    void send(String path, String type, byte[] body) {
        String what = "POST " + path + " " + type + " " + LargeFieldsTest.head(new String(body, StandardCharsets.UTF_8));
        Hostile.Reply r;
        try {
            r = Hostile.send(Hostile.base(root), "POST", path, type, body);
        } catch (IllegalStateException e) {
            throw new AssertionError(what + ": " + e.getMessage(), e);
        }
        assertTrue(r.status() < 500, what + " gave " + r.status() + ": " + LargeFieldsTest.head(r.body()));
        assertFalse(Hostile.TRACE.matcher(r.body()).find(), what + " shows a stack trace: " + LargeFieldsTest.head(r.body()));
        assertFalse(path.equals("/api/runs") && r.status() == 201 || path.equals("/runs") && r.status() == 303
                || path.equals("/experiments") && r.status() == 303, what + " started a run");
        sent.merge(path.replace("00000000-0000-0000-0000-000000000000", "{id}"), 1, Integer::sum);
    }

    /** The valid template with up to three random changes and one guaranteed-bad one; sometimes broken syntax. */
    byte[] jsonBody(JsonNode base, String path) throws Exception {
        int kind = rnd.nextInt(20);
        if (kind == 0) {
            return new byte[0];
        }
        if (kind == 1) {
            byte[] b = new byte[rnd.nextInt(2000)];
            rnd.nextBytes(b);
            return b;
        }
        if (kind == 2) {
            return ("[".repeat(5000) + "]".repeat(rnd.nextInt(5000))).getBytes(StandardCharsets.UTF_8);
        }
        ObjectNode body = base.deepCopy();
        for (int m = rnd.nextInt(4); m > 0; m--) {
            mutate(body);
        }
        breakOne(body, path); // last, so no random change can undo it
        String s = JSON.writeValueAsString(body);
        if (kind == 3) {
            s = s.substring(0, rnd.nextInt(Math.max(1, s.length()))); // truncated
        } else if (kind == 4) {
            s = s.replaceFirst(":\\s*+[-0-9.]++", ": NaN"); // a bare NaN, not JSON
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A change that the endpoint must refuse whatever else is in the body (so nothing can be stored). */
    void breakOne(ObjectNode body, String path) {
        JsonNode bad = pick(F.numberNode(-1), F.numberNode(0), F.numberNode(1e308), F.numberNode(99999999999L),
                F.textNode("x"), F.textNode("NaN"), F.booleanNode(true), F.arrayNode(), F.nullNode());
        switch (path) {
            case "/api/runs", "/api/runs/estimate" -> body.set(pick("iterations", "candidates", "samples", "beta",
                    "maxLength", "evalSamples"), bad.isNull() || bad.isNumber() && bad.asDouble() == 0 ? F.numberNode(-5) : bad);
            case "/select" -> body.set("beta", pick(F.numberNode(-1), F.textNode("NaN"), F.textNode("x")));
            case "/sim/v1/chat/completions" -> body.set(pick("model", "messages"), pick(F.nullNode(), F.numberNode(1),
                    F.textNode("no-such-model"), F.arrayNode()));
            case "/propose" -> {
                if (rnd.nextBoolean()) {
                    body.set("values", badFor("list"));
                } else {
                    body.set(pick("count", "maxLength"), badFor("number"));
                }
            }
            case "/sample" -> {
                if (rnd.nextBoolean()) {
                    body.set("items", badFor("list"));
                } else {
                    body.set("temperature", badFor("number"));
                }
            }
            case "/score" -> body.set(pick("values", "items"), badFor("list"));
            default -> body.set(text(), F.textNode(text())); // the cancel endpoints read no body
        }
    }

    /** A value no field of that kind accepts. */
    JsonNode badFor(String kind) {
        return kind.equals("list") ? pick(F.numberNode(-1), F.textNode("x\u0000"), F.arrayNode(), F.objectNode())
                : pick(F.numberNode(-1), F.numberNode(1e308), F.textNode("x"), F.objectNode());
    }

    void mutate(JsonNode node) {
        List<JsonNode> containers = new ArrayList<>();
        collect(node, containers);
        JsonNode c = containers.get(rnd.nextInt(containers.size()));
        JsonNode v = value();
        if (c instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
                names.add(it.next());
            }
            String name = names.isEmpty() || rnd.nextInt(6) == 0 ? text() : names.get(rnd.nextInt(names.size()));
            o.set(name, v);
        } else if (c instanceof ArrayNode a) {
            if (a.isEmpty() || rnd.nextBoolean()) {
                a.add(v);
            } else {
                a.set(rnd.nextInt(a.size()), v);
            }
        }
    }

    void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.forEach(child -> collect(child, out));
        }
    }

    JsonNode value() {
        return switch (rnd.nextInt(12)) {
            case 0 -> F.nullNode();
            case 1 -> F.numberNode(pick(-1L, 0L, Long.MAX_VALUE, Long.MIN_VALUE, 99999999999L, -99999999999L));
            case 2 -> F.numberNode(pick(Double.MAX_VALUE, -Double.MAX_VALUE, 1e-320, -0.0, 0.5));
            case 3 -> F.textNode(pick("NaN", "Infinity", "-Infinity", "1e999"));
            case 4 -> F.booleanNode(rnd.nextBoolean());
            case 5 -> F.arrayNode().add(text()).addNull();
            case 6 -> F.objectNode().put(text(), text());
            case 7 -> F.textNode(rnd.nextInt(25) == 0 ? "x".repeat(Hostile.MB / 4) : text().repeat(1 + rnd.nextInt(500)));
            default -> F.textNode(text());
        };
    }

    Map<String, String> formFields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("source", pick("builtin", "custom", text()));
        f.put("composition", pick("helpfulness-4", text()));
        f.put("querySource", pick("builtin", "paste", "file", text()));
        f.put("queries", text() + "\n" + text() + "\n" + text() + "\n" + text());
        f.put("preset", pick("quick", "paper", text()));
        // one field no run can start with:
        f.put(pick("iterations", "candidates", "samples", "beta", "heldOut", "seed", "values[99999999999].name",
                "maxLength"), pick("-1", "NaN", "1e999", "99999999999", "x", "", "0x10", "--1", "\u0000"));
        for (int i = rnd.nextInt(6); i > 0; i--) {
            f.put(pick("values[" + rnd.nextInt(200) + "].name", "values[-1].weight", "values[].definition",
                    "op", "remove-value-x", "name", "seedInstruction", "judgeMode", "models.target", "token", "next",
                    text()), rnd.nextInt(30) == 0 ? "y".repeat(Hostile.MB / 2) : text());
        }
        f.put("op", pick("start", "estimate", "add-value", "remove-value-99999999999", "remove-value--1", text()));
        return f;
    }

    byte[] garble(String s) {
        String out = switch (rnd.nextInt(6)) {
            case 0 -> s.replace("=", "%");
            case 1 -> s + "&%ZZ=%G0";
            case 2 -> s.replace("&", "&&=&");
            default -> s;
        };
        return out.getBytes(StandardCharsets.UTF_8);
    }

    byte[] truncate(byte[] b) {
        byte[] out = new byte[rnd.nextInt(Math.max(1, b.length))];
        System.arraycopy(b, 0, out, 0, out.length);
        return out;
    }

    String text() {
        return rnd.nextInt(3) == 0 ? ODD[rnd.nextInt(ODD.length)]
                : Long.toString(rnd.nextLong(), 36) + ODD[rnd.nextInt(ODD.length)];
    }

    @SafeVarargs
    final <T> T pick(T... options) {
        return options[rnd.nextInt(options.length)];
    }
}
