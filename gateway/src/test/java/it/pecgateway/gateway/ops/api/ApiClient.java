package it.pecgateway.gateway.ops.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;

/** A real HTTP client (the JDK's) speaking JSON to the administration API, over HTTPS trusting the dev CA. */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status, body (JSON when it is JSON), headers. */
    public record Answer(int status, String text, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (Exception e) {
                throw new AssertionError("not JSON (" + status + "): " + text, e);
            }
        }

        public String error() {
            return json().path("error").asText();
        }

        public String field(String name) {
            return json().path(name).asText();
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    private final HttpClient client;
    private final String base;

    public ApiClient(SSLContext trust, String base) {
        this.client = HttpClient.newBuilder().sslContext(trust).connectTimeout(Duration.ofSeconds(5)).build();
        this.base = base;
    }

    public Answer call(String method, String path, String token, Object body) throws Exception {
        return call(method, path, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), body);
    }

    /** @param body a JSON-able object, a String sent as it is, or null */
    public Answer call(String method, String path, Map<String, String> headers, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(b::header);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            if (!headers.containsKey("Content-Type")) {
                b.header("Content-Type", "application/json");
            }
            b.method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), r);
    }

    public Answer get(String path, String token) throws Exception {
        return call("GET", path, token, null);
    }

    public Answer post(String path, String token, Object body) throws Exception {
        return call("POST", path, token, body);
    }
}
