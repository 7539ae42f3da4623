package it.pecgateway.gateway;

import java.time.Duration;

/**
 * A part of the running gateway with a start and a stop: a listener (SMTP, IMAP, POP3, HTTP), a worker pool, the
 * store. {@link Lifecycle} starts services in order and stops them in reverse, so a service may rely on every
 * service registered before it for its whole life.
 */
public interface Service {

    /**
     * One line for the start log, asked after {@link #start()} so that a listener can tell the port it really
     * bound, for example {@code http 127.0.0.1:18080 (TLS: starttls-optional)}.
     */
    String description();

    /** Starts; when this returns the service is ready (a listener accepts connections). */
    void start() throws Exception;

    /**
     * Stops accepting new work, lets work in flight finish for at most {@code grace}, then releases everything.
     * Called once, even when {@link #start()} failed half-way; must not throw.
     */
    void stop(Duration grace);
}
