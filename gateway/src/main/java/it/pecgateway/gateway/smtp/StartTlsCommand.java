package it.pecgateway.gateway.smtp;

import java.io.IOException;
import java.net.Socket;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * STARTTLS (RFC 3207): answer 220, then handshake on the plain TCP socket. Bytes the client pipelined after the
 * command (the STARTTLS injection attack) are in the old buffered reader, which SubEthaSMTP drops when the session
 * switches to the new socket; they are never executed. All session state is reset: the client says EHLO again.
 */
final class StartTlsCommand extends SmtpCommand {
    private static final Logger log = LoggerFactory.getLogger(StartTlsCommand.class);
    private final Optional<SSLContext> context;
    private final SmtpMetrics metrics;

    StartTlsCommand(Optional<SSLContext> context, SmtpMetrics metrics) {
        super("STARTTLS");
        this.context = context;
        this.metrics = metrics;
    }

    @Override
    boolean allowedBeforeTls() {
        return true;
    }

    @Override
    SmtpReply handle(SmtpSession session, String arguments) {
        if (!arguments.isBlank()) {
            return SmtpReplies.NO_PARAMETERS_ALLOWED;
        }
        if (session.tlsActive()) {
            return SmtpReplies.TLS_ALREADY_ACTIVE;
        }
        if (context.isEmpty() || !session.endpoint.offersStartTls()) {
            return SmtpReplies.TLS_UNAVAILABLE;
        }
        return SmtpReplies.READY_FOR_TLS;
    }

    @Override
    void afterReply(SmtpSession session, SmtpReply reply) throws IOException {
        if (reply != SmtpReplies.READY_FOR_TLS) {
            return; // the command was refused
        }
        Socket current = session.wire.getSocket();
        Socket plain = current instanceof ReplyCheckingSocket checking ? checking.plain() : current;
        SSLSocket tls = TlsSockets.serverSide(context.get(), plain);
        try {
            tls.startHandshake();
        } catch (IOException e) {
            log.info("SMTP session {}: TLS handshake failed from {}: {}", session.sessionId(), session.remoteAddress(), e.toString());
            metrics.tlsHandshakeFailed();
            session.wire.quit();
            throw e;
        }
        session.wire.setSocket(new ReplyCheckingSocket(tls, plain));
        session.wire.setTlsStarted(true);
        List<Certificate> peer;
        try {
            peer = List.of(tls.getSession().getPeerCertificates());
        } catch (SSLPeerUnverifiedException e) {
            peer = List.of();
        }
        session.tlsStarted(peer);
    }
}
