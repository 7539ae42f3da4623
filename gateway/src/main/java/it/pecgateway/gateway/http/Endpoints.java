package it.pecgateway.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.pecgateway.gateway.GatewayMetrics;
import it.pecgateway.gateway.Health;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The operational endpoints: {@code /health} (JSON, 200 when up, 503 when a check fails) and {@code /metrics}. */
public final class Endpoints {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Endpoints() {
    }

    public static HttpRoutes operational(Health health, GatewayMetrics metrics) {
        return new HttpRoutes()
                .get("/health", () -> health(health))
                .get("/metrics", () -> new HttpReply(200, GatewayMetrics.CONTENT_TYPE,
                        metrics.scrape().getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    private static HttpReply health(Health health) {
        Map<String, Boolean> results = health.results();
        boolean up = !results.containsValue(false);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        Map<String, String> checks = new LinkedHashMap<>();
        results.forEach((name, ok) -> checks.put(name, ok ? "UP" : "DOWN"));
        body.put("checks", checks);
        try {
            return HttpReply.json(up ? 200 : 503, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
