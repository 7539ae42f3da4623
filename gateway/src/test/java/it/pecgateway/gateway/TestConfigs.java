package it.pecgateway.gateway;

/** Configurations for tests: loopback only, port 0 everywhere (never fixed ports). */
public final class TestConfigs {
    private TestConfigs() {
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
