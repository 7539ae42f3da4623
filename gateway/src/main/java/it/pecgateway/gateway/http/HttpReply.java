package it.pecgateway.gateway.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An HTTP answer independent of Netty: status, content type, body and extra headers. */
public record HttpReply(int status, String contentType, byte[] body, Map<String, String> headers) {
    public static final String JSON = "application/json; charset=utf-8";

    public HttpReply {
        headers = Map.copyOf(headers);
    }

    public static HttpReply json(int status, String json) {
        return new HttpReply(status, JSON, json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static HttpReply error(int status, String message) {
        return json(status, "{\"error\":\"" + message + "\"}");
    }

    public HttpReply withHeader(String name, String value) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put(name, value);
        return new HttpReply(status, contentType, body, all);
    }
}
