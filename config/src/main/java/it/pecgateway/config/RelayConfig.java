package it.pecgateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How queued messages leave this node.
 *
 * @param staticRoutes domain (lower case) to next hop, instead of DNS MX; for private deployments and tests
 * @param retryDelays  waits between delivery attempts; the last one repeats until {@code maxQueueAge}
 * @param maxQueueAge  the longest a message waits in the queue (digest 9.3: 24 hours)
 * @param workers      concurrent delivery workers of this node
 * @param connectTimeout, readTimeout outbound SMTP timeouts
 */
public record RelayConfig(
        Map<String, Route> staticRoutes,
        List<Duration> retryDelays,
        Duration maxQueueAge,
        int workers,
        Duration connectTimeout,
        Duration readTimeout) {

    public RelayConfig {
        staticRoutes = Map.copyOf(staticRoutes);
        retryDelays = List.copyOf(retryDelays);
    }

    /** A next hop. */
    public record Route(String host, int port) { }
}
