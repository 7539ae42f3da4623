package it.pecgateway.gateway.smtp;

import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Optional;

/** What a transaction handler may know about the SMTP session it serves. */
public interface SmtpSessionView {
    String sessionId();

    SmtpRole role();

    InetSocketAddress remoteAddress();

    Optional<String> helo();

    boolean tlsActive();

    /** The TLS client certificates, if the peer presented any (a PEC provider may). */
    List<Certificate> peerCertificates();

    /** The mailbox address the session authenticated as (submission only). */
    Optional<String> authenticatedMailbox();
}
