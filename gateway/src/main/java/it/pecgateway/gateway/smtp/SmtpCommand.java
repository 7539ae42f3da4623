package it.pecgateway.gateway.smtp;

import java.io.IOException;
import org.subethamail.smtp.DropConnectionException;

/**
 * One SMTP verb: its guards, declared here and checked by {@link SmtpDispatcher} before {@link #handle}, and its
 * handling. {@code handle} returns the reply to send, or null when it has written its replies itself (DATA, AUTH).
 */
abstract class SmtpCommand {
    private final String verb;

    SmtpCommand(String verb) {
        this.verb = verb;
    }

    String verb() {
        return verb;
    }

    /** Allowed on a TLS-required listener before STARTTLS (RFC 3207 lets the server refuse the rest). */
    boolean allowedBeforeTls() {
        return false;
    }

    /** Needs a completed HELO/EHLO. */
    boolean needsGreeting() {
        return false;
    }

    /** On submission listeners, needs AUTH first. */
    boolean needsAuthentication() {
        return false;
    }

    abstract SmtpReply handle(SmtpSession session, String arguments) throws IOException, DropConnectionException;

    /** Runs after {@code reply} has been sent (STARTTLS handshake, QUIT). */
    void afterReply(SmtpSession session, SmtpReply reply) throws IOException {
    }
}
