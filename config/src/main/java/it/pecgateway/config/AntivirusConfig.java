package it.pecgateway.config;

import java.time.Duration;

/**
 * Virus scanning through clamd's INSTREAM command.
 *
 * @param enabled  off by default (development); a provider in production must turn it on (DPR 68/2005 art. 12)
 * @param host     clamd host
 * @param port     clamd TCP port (3310)
 * @param timeout  per scan
 */
public record AntivirusConfig(boolean enabled, String host, int port, Duration timeout) {
}
