package io.picaco.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The OpenAI-compatible surface of the simulated models. */
// Off in the functions profile (picaco.functions-only): step instances serve the four functions only.
@io.quarkus.resteasy.reactive.server.EndpointDisabled(name = "picaco.functions-only", stringValue = "true")
@io.picaco.auth.Redacted
@Path("/sim/v1")
@Produces(MediaType.APPLICATION_JSON)
public class SimResource {

    private final ObjectMapper json;
    private final SimModels models;
    private final SimFaults faults;

    private final SimRequests requests;

    @Inject
    public SimResource(SimConfig config, ObjectMapper json, SimRequests requests) {
        this.faults = SimFaults.of(config);
        this.json = json;
        this.models = new SimModels(json);
        this.requests = requests;
    }

    /** How many chat requests this server received since it started (see {@link SimRequests}). */
    @GET
    @Path("/stats")
    public Response stats() {
        return Response.ok(json.createObjectNode().put("requests", requests.received()).toString()).build();
    }

    @GET
    @Path("/models")
    public Response models() {
        ObjectNode root = json.createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String id : SimModels.MODELS) {
            ObjectNode m = data.addObject();
            m.put("id", id);
            m.put("object", "model");
            m.put("created", 0);
            m.put("owned_by", "picaco-sim");
        }
        return Response.ok(root.toString()).build();
    }

    @POST
    @Path("/chat/completions")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.WILDCARD })
    public Response chatCompletions(String body) {
        JsonNode req;
        try {
            req = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (Exception e) {
            req = null;
        }
        if (req == null || !req.isObject()) {
            return error(400, "The request body must be a JSON object.", "invalid_request_error", "invalid_json");
        }
        String model = req.path("model").asText(null);
        if (model == null || model.isBlank()) {
            return error(400, "'model' is required.", "invalid_request_error", "missing_model");
        }
        if (!SimModels.MODELS.contains(model)) {
            return error(404, "The model '" + model + "' does not exist. Known models: "
                    + String.join(", ", SimModels.MODELS), "invalid_request_error", "model_not_found");
        }
        JsonNode msgs = req.get("messages");
        if (msgs == null || !msgs.isArray() || msgs.isEmpty()) {
            return error(400, "'messages' must be a non-empty array.", "invalid_request_error", "invalid_messages");
        }
        List<io.picaco.sim.lang.Message> messages = new ArrayList<>();
        for (JsonNode m : msgs) {
            String role = m.path("role").asText(null);
            if (role == null) {
                return error(400, "Every message needs a 'role'.", "invalid_request_error", "invalid_messages");
            }
            messages.add(new io.picaco.sim.lang.Message(role, contentOf(m.get("content"))));
        }
        JsonNode seedNode = req.get("seed");
        Long seed = seedNode != null && seedNode.isNumber() ? seedNode.asLong() : null;

        long delay = faults.nextDelayMillis();
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        switch (faults.nextFault()) {
            case TOO_MANY_REQUESTS -> {
                return Response.status(429).header("Retry-After", "1")
                        .entity(errorBody("Rate limit reached for " + model + " (simulated). Please retry after 1s.",
                                "rate_limit_exceeded", "rate_limit_exceeded"))
                        .type(MediaType.APPLICATION_JSON).build();
            }
            case SERVER_ERROR -> {
                return error(500, "The simulated server had an error while processing your request.", "server_error",
                        "internal_error");
            }
            default -> {
            }
        }

        SimModels.Reply reply;
        try {
            reply = models.complete(model, messages, seed);
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage(), "invalid_request_error", "invalid_request");
        } catch (RuntimeException e) {
            return error(500, "The simulated model failed: " + e, "server_error", "internal_error");
        }
        String content = reply.content();
        if (SimModels.answersJson(model) && faults.nextMalformed()) {
            content = SimModels.corrupt(content);
        }
        ObjectNode root = json.createObjectNode();
        root.put("id", "chatcmpl-sim-" + UUID.randomUUID().toString().replace("-", ""));
        root.put("object", "chat.completion");
        root.put("created", System.currentTimeMillis() / 1000);
        root.put("model", model);
        ArrayNode choices = root.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        ObjectNode usage = root.putObject("usage");
        int completion = SimModels.tokens(content);
        usage.put("prompt_tokens", reply.promptTokens());
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", reply.promptTokens() + completion);
        return Response.ok(root.toString()).type(MediaType.APPLICATION_JSON).build();
    }

    /** Message content: a string, or an array of parts whose text parts are joined. */
    private static String contentOf(JsonNode c) {
        if (c == null || c.isNull()) {
            return "";
        }
        if (c.isTextual()) {
            return c.asText();
        }
        if (c.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode p : c) {
                if (p.isTextual()) {
                    sb.append(p.asText());
                } else if (p.has("text")) {
                    sb.append(p.path("text").asText());
                }
            }
            return sb.toString();
        }
        return c.toString();
    }

    private static Response error(int status, String message, String type, String code) {
        return Response.status(status).entity(errorBody(message, type, code)).type(MediaType.APPLICATION_JSON).build();
    }

    static String errorBody(String message, String type, String code) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode err = root.putObject("error");
        err.put("message", message);
        err.put("type", type);
        err.putNull("param");
        err.put("code", code);
        return root.toString();
    }
}
