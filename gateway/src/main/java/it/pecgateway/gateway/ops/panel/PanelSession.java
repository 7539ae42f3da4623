package it.pecgateway.gateway.ops.panel;

import com.fasterxml.jackson.databind.JsonNode;
import it.pecgateway.gateway.http.HttpReply;
import it.pecgateway.gateway.http.HttpRequest;
import it.pecgateway.gateway.ops.HolderSessions;
import it.pecgateway.gateway.ops.OpsException;
import it.pecgateway.gateway.ops.api.Json;
import java.io.IOException;
import java.util.List;

/**
 * {@code /panel/session}: POST logs in and sets the session cookie ({@code __Host-} prefix: Secure, Path=/, no
 * domain; HttpOnly so scripts never see the token; SameSite=Strict), answering with the CSRF token the page sends
 * back on every change; GET tells a reloaded page its session; DELETE logs out and clears the cookie.
 */
final class PanelSession {
    static final String COOKIE = HolderSessions.COOKIE;

    private final HolderSessions sessions;

    PanelSession(HolderSessions sessions) {
        this.sessions = sessions;
    }

    HttpReply handle(HttpRequest request) {
        try {
            return switch (request.method()) {
                case "POST" -> login(request);
                case "GET", "HEAD" -> current(request);
                case "DELETE" -> logout(request);
                default -> Json.error(405, "method_not_allowed", "use POST, GET or DELETE", List.of())
                        .withHeader("Allow", "DELETE, GET, HEAD, POST");
            };
        } catch (OpsException e) {
            return Json.error(e);
        }
    }

    private HttpReply login(HttpRequest request) {
        // a media type is case-insensitive (RFC 9110 8.3.1); a form of another site cannot send this one
        if (!request.header("content-type").orElse("").toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw OpsException.badRequest("send the login as application/json");
        }
        JsonNode body;
        try {
            body = Json.readObject(request.body());
        } catch (IOException e) {
            throw OpsException.badRequest("the body is not a JSON object");
        }
        HolderSessions.Session s = sessions.login(body.path("address").asText(""), body.path("password").asText("").toCharArray(),
                request.remoteAddress());
        return Json.reply(201, Json.object().put("address", s.address()).put("csrf", s.csrf()).put("expiresAt", s.expiresAt().toString()))
                .withHeader("Set-Cookie", COOKIE + "=" + s.token() + "; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age="
                        + sessions.lifetime().toSeconds());
    }

    private HttpReply current(HttpRequest request) {
        String token = request.cookie(COOKIE).orElseThrow(() -> new OpsException(OpsException.Kind.UNAUTHENTICATED, "not logged in"));
        HolderSessions.Current s = sessions.authenticate(token);
        return Json.reply(200, Json.object().put("address", s.holder().address()).put("csrf", s.csrf()));
    }

    private HttpReply logout(HttpRequest request) {
        request.cookie(COOKIE).ifPresent(sessions::logout);
        return Json.noContent().withHeader("Set-Cookie", COOKIE + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0");
    }
}
