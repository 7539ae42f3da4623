package it.pecgateway.gateway.ops.panel;

import it.pecgateway.gateway.http.HttpReply;
import it.pecgateway.gateway.http.HttpRequest;
import it.pecgateway.gateway.ops.HolderSessions;
import it.pecgateway.gateway.ops.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The holder's panel: three static files (no external reference, no inline script or style, so the CSP allows
 * only our own files) and the session endpoint that puts the login into a cookie the page's script cannot read.
 * Everything else the page does goes through the administration API with that cookie and the CSRF token.
 * Over plain HTTP a page request is redirected to HTTPS and anything else refused.
 */
public final class PanelRoutes implements Function<HttpRequest, HttpReply> {
    static final String PREFIX = "/panel/";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Map<String, String> FILES = Map.of("", "index.html", "index.html", "index.html",
            "panel.js", "panel.js", "panel.css", "panel.css");

    private final PanelSession session;
    private final Map<String, byte[]> contents;

    public PanelRoutes(HolderSessions sessions) {
        this.session = new PanelSession(sessions);
        this.contents = Map.of("index.html", load("index.html"), "panel.js", load("panel.js"), "panel.css", load("panel.css"));
    }

    @Override
    public HttpReply apply(HttpRequest request) {
        String name = request.path().substring(PREFIX.length());
        if (!request.secure()) {
            return request.method().equals("GET") && FILES.containsKey(name) ? redirect(request)
                    : Json.error(403, "https_required", "the panel works over HTTPS only", List.of());
        }
        if (name.equals("session")) {
            return secured(session.handle(request));
        }
        String file = FILES.get(name);
        if (file == null) {
            return secured(Json.error(404, "not_found", "no such page", List.of()));
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return secured(Json.error(405, "method_not_allowed", "use GET", List.of()).withHeader("Allow", "GET, HEAD"));
        }
        return secured(new HttpReply(200, contentType(file), contents.get(file), Map.of()));
    }

    /** The headers every panel answer carries. */
    static HttpReply secured(HttpReply reply) {
        return reply.withHeader("Content-Security-Policy", CSP)
                .withHeader("X-Frame-Options", "DENY")
                .withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("Referrer-Policy", "no-referrer")
                .withHeader("Strict-Transport-Security", "max-age=31536000");
    }

    private static HttpReply redirect(HttpRequest request) {
        String host = request.header("host").filter(h -> h.matches("[A-Za-z0-9.\\-:\\[\\]]+")).orElse("localhost");
        return new HttpReply(301, "text/plain; charset=utf-8", "HTTPS only\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("Location", "https://" + host + request.path()));
    }

    private static String contentType(String file) {
        if (file.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        return file.endsWith(".css") ? "text/css; charset=utf-8" : "text/html; charset=utf-8";
    }

    private static byte[] load(String name) {
        try (InputStream in = PanelRoutes.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the panel's " + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
