package it.pecgateway.gateway.ops.autoconfig;

import it.pecgateway.config.GatewayConfig;
import it.pecgateway.config.ListenerConfig;
import it.pecgateway.config.TlsMode;
import it.pecgateway.gateway.ops.autoconfig.ClientEndpoint.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The settings mail clients need, from the configuration: one place for the panel, Thunderbird's autoconfig and
 * Outlook's Autodiscover. Listeners are listed in order of preference (implicit TLS first); the port is the one
 * really bound when the running gateway knows it (port 0 in tests), else the configured one; a listener configured
 * on port 0 whose bound port is not known is left out.
 */
public final class ClientSettings {
    private final GatewayConfig config;
    private final Function<String, OptionalInt> boundPort;

    /** @param boundPort the bound port of a listener by its configuration name, when known */
    public ClientSettings(GatewayConfig config, Function<String, OptionalInt> boundPort) {
        this.config = config;
        this.boundPort = boundPort;
    }

    public String host() {
        return config.operations().clientHostname().orElse(config.provider().primaryHostname());
    }

    public String providerName() {
        return config.provider().name();
    }

    public boolean hostsDomain(String domain) {
        return config.provider().hostsDomain(domain);
    }

    public List<ClientEndpoint> endpoints() {
        List<ClientEndpoint> all = new ArrayList<>();
        add(all, Protocol.IMAP, "imaps", config.listeners().imaps());
        add(all, Protocol.IMAP, "imap", config.listeners().imap());
        add(all, Protocol.POP3, "pop3s", config.listeners().pop3s());
        add(all, Protocol.SMTP, "smtps", config.listeners().smtps());
        add(all, Protocol.SMTP, "submission", config.listeners().submission());
        return all;
    }

    public List<ClientEndpoint> endpoints(Protocol protocol) {
        return endpoints().stream().filter(e -> e.protocol() == protocol).toList();
    }

    private void add(List<ClientEndpoint> all, Protocol protocol, String name, ListenerConfig listener) {
        int port = boundPort.apply(name).orElse(listener.port());
        // port 0 (tests) that nobody bound yet is no address a client can use
        if (listener.enabled() && port > 0) {
            all.add(new ClientEndpoint(protocol, name, host(), port, listener.tls() == TlsMode.IMPLICIT));
        }
    }
}
