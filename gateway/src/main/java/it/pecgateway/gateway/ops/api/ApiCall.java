package it.pecgateway.gateway.ops.api;

import com.fasterxml.jackson.databind.JsonNode;
import it.pecgateway.gateway.http.HttpRequest;
import it.pecgateway.gateway.ops.Actor;
import it.pecgateway.gateway.ops.OpsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One API request as a handler sees it: the HTTP request, the path's named segments, who is calling (checked
 * before the handler runs) and the JSON body, read once on demand.
 */
public final class ApiCall {
    private final HttpRequest http;
    private final Map<String, String> path;
    private final Optional<Actor> actor;
    private final Optional<Long> session;
    private JsonNode body;

    /** @param session the holder session's id when the caller logged in as a holder */
    ApiCall(HttpRequest http, Map<String, String> path, Optional<Actor> actor, Optional<Long> session) {
        this.http = http;
        this.path = Map.copyOf(path);
        this.actor = actor;
        this.session = session;
    }

    public HttpRequest http() {
        return http;
    }

    public Optional<Long> session() {
        return session;
    }

    public Actor caller() {
        return actor.orElseThrow(() -> new OpsException(OpsException.Kind.UNAUTHENTICATED, "log in first"));
    }

    public Actor.Holder holder() {
        if (caller() instanceof Actor.Holder h) {
            return h;
        }
        throw OpsException.forbidden("this is for a mailbox's holder, logged in with its password");
    }

    public String param(String name) {
        return path.get(name);
    }

    /** The body as a JSON object; BAD_REQUEST when it is not one. */
    public JsonNode body() {
        if (body == null) {
            body = Json.object(http.body());
        }
        return body;
    }

    /** A text field of the body; BAD_REQUEST when it is missing. */
    public String required(String field) {
        return optional(field).orElseThrow(() -> OpsException.badRequest("the body needs \"" + field + "\" (text)"));
    }

    public Optional<String> optional(String field) {
        JsonNode value = body().get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw OpsException.badRequest("\"" + field + "\" must be text");
        }
        return Optional.of(value.asText());
    }

    /** A list of texts, empty when absent. */
    public List<String> list(String field) {
        JsonNode value = body().get(field);
        List<String> result = new ArrayList<>();
        if (value == null || value.isNull()) {
            return result;
        }
        if (!value.isArray()) {
            throw OpsException.badRequest("\"" + field + "\" must be a list of texts");
        }
        value.forEach(v -> result.add(v.asText()));
        return result;
    }

    /** A password field as characters (wiped by the service after use); BAD_REQUEST when missing. */
    public char[] password(String field) {
        return required(field).toCharArray();
    }
}
