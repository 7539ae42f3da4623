package it.pecgateway.gateway.smtp;

import it.pecgateway.config.LimitsConfig;
import it.pecgateway.config.ListenerConfig;
import it.pecgateway.config.SmtpConfig;
import it.pecgateway.config.TlsMode;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Everything an SMTP listener needs to know about itself.
 *
 * @param hostname     our name in the greeting, EHLO and Received lines
 * @param hostsDomain  whether a domain is ours (port 25 refuses every other one: never an open relay)
 * @param maxSessions  concurrent sessions; the thread pool is bounded to this (plus a few to say 421)
 * @param idleTimeout  a client silent this long is disconnected with 421
 * @param maxHeaderLines, maxHeaderBytes  bounds against header floods
 */
public record SmtpEndpoint(
        SmtpRole role,
        ListenerConfig listener,
        String hostname,
        LimitsConfig limits,
        Predicate<String> hostsDomain,
        int maxSessions,
        Duration idleTimeout,
        int maxHeaderLines,
        int maxHeaderBytes) {

    public static SmtpEndpoint of(SmtpRole role, ListenerConfig listener, String hostname, LimitsConfig limits,
                                  Predicate<String> hostsDomain, SmtpConfig smtp) {
        return new SmtpEndpoint(role, listener, hostname, limits, hostsDomain, smtp.maxSessions(), smtp.idleTimeout(),
                smtp.maxHeaderLines(), smtp.maxHeaderBytes());
    }

    public SmtpEndpoint withMaxSessions(int n) {
        return new SmtpEndpoint(role, listener, hostname, limits, hostsDomain, n, idleTimeout, maxHeaderLines, maxHeaderBytes);
    }

    public SmtpEndpoint withIdleTimeout(Duration d) {
        return new SmtpEndpoint(role, listener, hostname, limits, hostsDomain, maxSessions, d, maxHeaderLines, maxHeaderBytes);
    }

    boolean implicitTls() {
        return listener.tls() == TlsMode.IMPLICIT;
    }

    /** STARTTLS is offered on plaintext listeners that have TLS at all. */
    boolean offersStartTls() {
        return listener.tls() == TlsMode.STARTTLS_OPTIONAL || listener.tls() == TlsMode.STARTTLS_REQUIRED;
    }

    boolean requiresTls() {
        return listener.tls() == TlsMode.STARTTLS_REQUIRED || listener.tls() == TlsMode.IMPLICIT;
    }
}
