package it.pecgateway.gateway.ops;

import it.pecgateway.config.GatewayConfig;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** Where people reach the panel: {@code operations.public-url}, else https, the client host name and the HTTP port. */
public final class PublicUrl {
    private PublicUrl() {
    }

    /** @param httpPort the HTTP listener's port, asked when a link is made (it is bound late, and may be port 0 in tests) */
    public static Supplier<String> of(GatewayConfig config, IntSupplier httpPort) {
        return () -> config.operations().publicUrl().orElseGet(() -> {
            String host = config.operations().clientHostname().orElse(config.provider().primaryHostname());
            int port = httpPort.getAsInt();
            return "https://" + host + (port == 443 ? "" : ":" + port);
        });
    }
}
