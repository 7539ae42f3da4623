package it.pecgateway.gateway.smtp;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.internal.server.HelpMessage;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * Plugs our commands into SubEthaSMTP: one {@link Command} per verb replaces the library's own, so that every
 * reply, guard and state change is ours. Also the session handler that creates and forgets our per-connection
 * {@link SmtpSession}. Errors become replies here and only here: an unexpected exception is logged and answered
 * with {@link SmtpReplies#LOCAL_ERROR}; its text never reaches the wire.
 */
final class SmtpDispatcher implements SessionHandler {
    private static final Logger log = LoggerFactory.getLogger(SmtpDispatcher.class);

    private final SmtpEndpoint endpoint;
    private final SmtpMetrics metrics;
    private final Map<Session, SmtpSession> sessions = new ConcurrentHashMap<>();

    SmtpDispatcher(SmtpEndpoint endpoint, SmtpMetrics metrics) {
        this.endpoint = endpoint;
        this.metrics = metrics;
    }

    @Override
    public SessionAcceptance accept(Session session) {
        metrics.connectionOpened();
        if (!implicitHandshake(session)) {
            metrics.connectionClosed();
            return SessionAcceptance.failure(SmtpReplies.TLS_UNAVAILABLE.code(), SmtpReplies.TLS_UNAVAILABLE.status() + " TLS handshake failed");
        }
        sessions.put(session, new SmtpSession(session, endpoint));
        return SessionAcceptance.success();
    }

    /**
     * Implicit TLS: the handshake is run here, before the greeting, so that a failure is seen (and counted) rather
     * than surfacing as a broken greeting write inside SubEthaSMTP.
     */
    private boolean implicitHandshake(Session session) {
        if (session.getSocket() instanceof ReplyCheckingSocket socket && socket.transport() instanceof SSLSocket tls) {
            try {
                tls.startHandshake();
            } catch (IOException e) {
                log.debug("SMTP TLS handshake failed from {}: {}", session.getRemoteAddress(), e.toString());
                metrics.tlsHandshakeFailed();
                return false;
            }
        }
        return true;
    }

    @Override
    public void onSessionEnd(Session session) {
        if (sessions.remove(session) != null) {
            metrics.connectionClosed();
        }
    }

    int activeSessions() {
        return sessions.size();
    }

    Command adapt(SmtpCommand command) {
        return new Adapter(command);
    }

    private final class Adapter implements Command {
        private final SmtpCommand command;

        Adapter(SmtpCommand command) {
            this.command = command;
        }

        @Override
        public String getName() {
            return command.verb();
        }

        @Override
        public HelpMessage getHelp() {
            return new HelpMessage(command.verb(), "See RFC 5321");
        }

        @Override
        public void execute(String line, Session wire) throws IOException, DropConnectionException {
            SmtpSession session = sessions.get(wire);
            if (session == null) {
                wire.sendResponse(SmtpReplies.LOCAL_ERROR.line());
                return;
            }
            int space = line.indexOf(' ');
            String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
            if (!verb.equals(command.verb())) {
                // SubEthaSMTP matches on the first four letters: "MAILX" must not run MAIL
                session.send(SmtpReplies.UNKNOWN_COMMAND);
                metrics.commandCompleted(SmtpMetrics.Outcome.BAD);
                return;
            }
            String arguments = space < 0 ? "" : line.substring(space + 1);
            SmtpReply guard = guard(session);
            if (guard != null) {
                session.send(guard);
                metrics.commandCompleted(SmtpMetrics.Outcome.of(guard));
                return;
            }
            SmtpReply reply;
            try {
                reply = command.handle(session, arguments);
            } catch (IOException | DropConnectionException e) {
                throw e;
            } catch (RuntimeException e) {
                log.error("SMTP {} failed in session {}", command.verb(), wire.getSessionId(), e);
                session.resetTransaction();
                reply = SmtpReplies.LOCAL_ERROR;
            }
            if (reply != null) {
                session.send(reply);
            }
            metrics.commandCompleted(SmtpMetrics.Outcome.of(reply));
            command.afterReply(session, reply);
        }

        private SmtpReply guard(SmtpSession session) {
            if (endpoint.requiresTls() && !session.tlsActive() && !command.allowedBeforeTls()) {
                return SmtpReplies.TLS_REQUIRED;
            }
            if (command.needsGreeting() && session.helo().isEmpty()) {
                return SmtpReplies.HELO_FIRST;
            }
            if (command.needsAuthentication() && endpoint.role() == SmtpRole.SUBMISSION
                    && session.authenticatedMailbox().isEmpty()) {
                return SmtpReplies.AUTH_REQUIRED;
            }
            return null;
        }
    }
}
