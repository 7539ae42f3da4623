package it.pecgateway.config;

/**
 * One listening socket.
 *
 * @param enabled a disabled listener is not bound at all
 * @param address IP address or host name to bind ({@code 0.0.0.0} for every interface)
 * @param port    1-65535; 0 binds an ephemeral port (tests)
 */
public record ListenerConfig(boolean enabled, String address, int port, TlsMode tls) {
    /**
     * The one wording of a listener that cannot bind, for the person starting the gateway: which listener, where,
     * the system's reason, and for a privileged port refused to a non-root user, what to do about it.
     */
    public String cannotListen(String name, Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String hint = port > 0 && port < 1024 && reason.toLowerCase(java.util.Locale.ROOT).contains("permission denied")
                ? " (ports below 1024 need root or the CAP_NET_BIND_SERVICE capability; `serve --dev` uses unprivileged ports)"
                : "";
        return "cannot listen for " + name + " on " + address + ":" + port + ": " + reason + hint;
    }

    public ListenerConfig withPort(int newPort) {
        return new ListenerConfig(enabled, address, newPort, tls);
    }
}
