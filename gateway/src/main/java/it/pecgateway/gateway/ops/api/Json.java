package it.pecgateway.gateway.ops.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.pecgateway.gateway.http.HttpReply;
import it.pecgateway.gateway.ops.OpsException;
import java.io.IOException;
import java.util.Map;

/** JSON in and out of the API, and the one shape of its errors: {@code {"error", "message", "problems"}}. */
public final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final int MAX_DEPTH = 20;

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** A JSON object from bytes (the panel's login). @throws IOException when it is not one */
    public static JsonNode readObject(byte[] body) throws IOException {
        JsonNode node = body.length == 0 ? null : MAPPER.readTree(body);
        if (node == null || !node.isObject()) {
            throw new IOException("not a JSON object");
        }
        return node;
    }

    static JsonNode object(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw OpsException.badRequest("the body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw OpsException.badRequest("the body is not valid JSON");
        }
    }

    public static HttpReply reply(int status, JsonNode body) {
        try {
            return HttpReply.json(status, MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static HttpReply noContent() {
        return new HttpReply(204, HttpReply.JSON, new byte[0], Map.of());
    }

    public static HttpReply error(OpsException e) {
        return error(e.kind().httpStatus(), e.kind().code(), e.getMessage(), e.problems());
    }

    public static HttpReply error(int status, String code, String message, java.util.List<String> problems) {
        ObjectNode body = object().put("error", code).put("message", message);
        if (!problems.isEmpty()) {
            problems.forEach(body.putArray("problems")::add);
        }
        return reply(status, body);
    }
}
