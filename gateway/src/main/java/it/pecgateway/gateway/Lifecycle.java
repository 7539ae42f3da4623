package it.pecgateway.gateway;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts services in order and stops those started in reverse order: at shutdown, or when a later one fails to start. */
final class Lifecycle {
    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

    private final Deque<Service> started = new ArrayDeque<>();
    private final Duration grace;

    Lifecycle(Duration grace) {
        this.grace = grace;
    }

    /** @throws Exception the first start failure, after the services already started have been stopped */
    synchronized void startAll(List<Service> services) throws Exception {
        for (Service service : services) {
            started.push(service);
            try {
                service.start();
            } catch (Exception e) {
                stopAll();
                throw e;
            }
            log.info("started {}", service.description());
        }
    }

    /** Stops every started service, newest first. Idempotent. */
    synchronized void stopAll() {
        while (!started.isEmpty()) {
            Service service = started.pop();
            try {
                service.stop(grace);
            } catch (RuntimeException e) {
                log.warn("stopping {} failed", service.getClass().getSimpleName(), e);
            }
        }
    }
}
