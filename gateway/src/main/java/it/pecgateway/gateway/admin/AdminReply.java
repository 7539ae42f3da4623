package it.pecgateway.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The outcome of an {@link AdminRequest}: the CLI exit status, what goes to stdout, what goes to stderr.
 *
 * @param status 0 done, 1 the operation failed (exists, not found), 2 the request is not valid
 */
public record AdminReply(int status, String output, String error) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static AdminReply done(String output) {
        return new AdminReply(0, output, "");
    }

    public static AdminReply failed(int status, String error) {
        return new AdminReply(status, "", error);
    }

    String toJson() {
        return JSON.createObjectNode().put("status", status).put("output", output).put("error", error).toString();
    }

    static AdminReply fromJson(String json) throws IOException {
        JsonNode node = JSON.readTree(json);
        return new AdminReply(node.path("status").asInt(1), node.path("output").asText(), node.path("error").asText());
    }
}
