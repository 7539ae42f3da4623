package it.pecgateway.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.pecgateway.gateway.GatewayMetrics;
import it.pecgateway.gateway.Health;
import it.pecgateway.gateway.Readiness;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The operational endpoints: {@code /health} (liveness: 200 while the process works, 503 when a liveness check
 * fails), {@code /ready} (readiness: 200 when the node can take traffic, 503 naming what is not ready) and
 * {@code /metrics} (Prometheus text).
 */
public final class Endpoints {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Endpoints() {
    }

    public static HttpRoutes operational(Health health, Readiness readiness, GatewayMetrics metrics) {
        return new HttpRoutes()
                .get("/health", () -> health(health))
                .get("/ready", () -> ready(readiness))
                .get("/metrics", () -> new HttpReply(200, GatewayMetrics.CONTENT_TYPE,
                        metrics.scrape().getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    private static HttpReply health(Health health) {
        Map<String, Boolean> results = health.results();
        boolean up = !results.containsValue(false);
        Map<String, String> checks = new LinkedHashMap<>();
        results.forEach((name, ok) -> checks.put(name, ok ? "UP" : "DOWN"));
        return json(up ? 200 : 503, up ? "UP" : "DOWN", checks);
    }

    /** Each check is {@code "ok"} or the problem it found. */
    private static HttpReply ready(Readiness readiness) {
        SortedMap<String, Optional<String>> problems = readiness.problems();
        boolean ready = problems.values().stream().allMatch(Optional::isEmpty);
        Map<String, String> checks = new LinkedHashMap<>();
        problems.forEach((name, problem) -> checks.put(name, problem.orElse("ok")));
        return json(ready ? 200 : 503, ready ? "READY" : "NOT_READY", checks);
    }

    private static HttpReply json(int status, String state, Map<String, String> checks) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", state);
        body.put("checks", checks);
        try {
            return HttpReply.json(status, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
