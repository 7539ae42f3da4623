package it.pecgateway.gateway;

import it.pecgateway.config.ConfigLoader;
import it.pecgateway.config.GatewayConfig;
import java.nio.file.Path;

/** Configurations for tests: loopback only, port 0 everywhere (never fixed ports). */
public final class TestConfigs {
    private TestConfigs() {
    }

    /** Every default (the loader holds them, in one place), for tests that need a part of the configuration. */
    public static GatewayConfig defaults() {
        return ConfigLoader.parse("provider: {name: PEC gateway (test), domains: [pec.localhost]}", Path.of("."), "test defaults");
    }

    /** A gateway started in-process from {@link #loopbackOnPortZero} (plain HTTP and HTTPS) plus {@code extraYaml}. */
    public static Gateway startGateway(Path dir, String extraYaml, java.time.Clock clock) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("pec-gateway.yaml"), loopbackOnPortZero("starttls-optional") + extraYaml);
        return Gateway.start(ConfigLoader.load(file), clock);
    }

    /** @param httpTls the HTTP listener's TLS mode */
    public static String loopbackOnPortZero(String httpTls) {
        return """
                provider: {name: PEC gateway (test), domains: [pec.localhost], service-address: posta-certificata@pec.localhost}
                data-dir: data
                listeners:
                  smtps: {address: 127.0.0.1, port: 0}
                  submission: {address: 127.0.0.1, port: 0}
                  mx: {address: 127.0.0.1, port: 0}
                  imaps: {address: 127.0.0.1, port: 0}
                  pop3s: {address: 127.0.0.1, port: 0}
                  http: {address: 127.0.0.1, port: 0, tls: %s}
                """.formatted(httpTls);
    }
}
