package it.pecgateway.gateway.relay;

/** Where to connect for a domain, and why. */
public record NextHop(String host, int port, Source source) {

    public enum Source { STATIC_ROUTE, MX, IMPLICIT_MX }

    @Override
    public String toString() {
        return host + ":" + port + " (" + source + ")";
    }
}
