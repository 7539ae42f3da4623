package it.pecgateway.gateway.ops.autoconfig;

/**
 * Where a mail client connects for one protocol.
 *
 * @param listener the configuration's listener name (imaps, submission ...)
 * @param implicit true for TLS from the first byte (IMAPS, POP3S, SMTPS), false for STARTTLS (required)
 */
public record ClientEndpoint(Protocol protocol, String listener, String host, int port, boolean implicit) {

    public enum Protocol { IMAP, POP3, SMTP }

    /** As people read it: "implicit TLS (SSL/TLS)" or "STARTTLS". */
    public String security() {
        return implicit ? "SSL/TLS" : "STARTTLS";
    }
}
