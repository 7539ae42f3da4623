package it.pecgateway.config;

/**
 * One listening socket.
 *
 * @param enabled a disabled listener is not bound at all
 * @param address IP address or host name to bind ({@code 0.0.0.0} for every interface)
 * @param port    1-65535; 0 binds an ephemeral port (tests)
 */
public record ListenerConfig(boolean enabled, String address, int port, TlsMode tls) {
    public ListenerConfig withPort(int newPort) {
        return new ListenerConfig(enabled, address, newPort, tls);
    }
}
