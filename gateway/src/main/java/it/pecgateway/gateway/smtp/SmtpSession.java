package it.pecgateway.gateway.smtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Optional;
import org.subethamail.smtp.server.Session;

/**
 * Our state of one SMTP connection, next to SubEthaSMTP's {@link Session} which owns the socket. Typed fields
 * with explicit resets: {@link #resetTransaction()} after DATA and RSET, {@link #resetAfterTls()} after STARTTLS
 * (RFC 3207: the client must start over with EHLO).
 */
final class SmtpSession implements SmtpSessionView {
    final Session wire;
    final SmtpEndpoint endpoint;
    private Optional<String> helo = Optional.empty();
    private boolean extended;
    private boolean tls;
    private List<Certificate> peerCertificates = List.of();
    private Optional<String> authenticated = Optional.empty();
    private MailTransaction transaction;

    SmtpSession(Session wire, SmtpEndpoint endpoint) {
        this.wire = wire;
        this.endpoint = endpoint;
        this.tls = endpoint.implicitTls();
    }

    void send(SmtpReply reply) throws IOException {
        wire.sendResponse(reply.line());
    }

    void sendRaw(String lines) throws IOException {
        wire.sendResponse(lines);
    }

    @Override
    public String sessionId() {
        return wire.getSessionId();
    }

    @Override
    public SmtpRole role() {
        return endpoint.role();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return wire.getRemoteAddress();
    }

    @Override
    public Optional<String> helo() {
        return helo;
    }

    boolean extended() {
        return extended;
    }

    void greeted(String name, boolean esmtp) {
        resetTransaction();
        helo = Optional.of(name);
        extended = esmtp;
    }

    @Override
    public boolean tlsActive() {
        return tls;
    }

    @Override
    public List<Certificate> peerCertificates() {
        return peerCertificates;
    }

    void tlsStarted(List<Certificate> certificates) {
        tls = true;
        peerCertificates = List.copyOf(certificates);
        resetAfterTls();
    }

    @Override
    public Optional<String> authenticatedMailbox() {
        return authenticated;
    }

    void authenticatedAs(String mailbox) {
        authenticated = Optional.of(mailbox);
    }

    MailTransaction transaction() {
        return transaction;
    }

    void startTransaction(MailTransaction t) {
        transaction = t;
    }

    void resetTransaction() {
        transaction = null;
    }

    private void resetAfterTls() {
        helo = Optional.empty();
        extended = false;
        authenticated = Optional.empty();
        transaction = null;
    }
}
