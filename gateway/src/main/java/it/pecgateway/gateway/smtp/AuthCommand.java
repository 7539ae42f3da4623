package it.pecgateway.gateway.smtp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AUTH PLAIN and AUTH LOGIN (RFC 4954, 4616), on submission listeners and only over TLS. Failures are counted
 * and slowed down by {@link AuthThrottle}; a locked address or account is refused with 454 4.7.0 without looking
 * at the password. Passwords live in char arrays that are wiped after use and never logged.
 */
final class AuthCommand extends SmtpCommand {
    private static final Logger log = LoggerFactory.getLogger(AuthCommand.class);
    private static final String USERNAME_CHALLENGE = Base64.getEncoder().encodeToString("Username:".getBytes(StandardCharsets.US_ASCII));
    private static final String PASSWORD_CHALLENGE = Base64.getEncoder().encodeToString("Password:".getBytes(StandardCharsets.US_ASCII));

    private final SubmitterAuthenticator authenticator;
    private final AuthThrottle throttle;
    private final SmtpMetrics metrics;

    AuthCommand(SubmitterAuthenticator authenticator, AuthThrottle throttle, SmtpMetrics metrics) {
        super("AUTH");
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.metrics = metrics;
    }

    @Override
    boolean needsGreeting() {
        return true;
    }

    @Override
    SmtpReply handle(SmtpSession session, String arguments) throws IOException {
        if (session.role() != SmtpRole.SUBMISSION) {
            return SmtpReplies.AUTH_NOT_AVAILABLE;
        }
        if (!session.tlsActive()) {
            metrics.authFailed(SmtpMetrics.AuthFailure.TLS_REQUIRED);
            return SmtpReplies.AUTH_ENCRYPTION_REQUIRED;
        }
        if (session.authenticatedMailbox().isPresent()) {
            return SmtpReplies.ALREADY_AUTHENTICATED;
        }
        if (session.transaction() != null) {
            return SmtpReplies.NOT_DURING_TRANSACTION;
        }
        String[] words = arguments.trim().split(" +");
        if (words.length == 0 || words[0].isEmpty() || words.length > 2) {
            return SmtpReplies.SYNTAX;
        }
        String address = session.remoteAddress().getAddress().getHostAddress();
        if (throttle.addressLocked(address)) {
            throttle.refused();
            metrics.authFailed(SmtpMetrics.AuthFailure.THROTTLED);
            return SmtpReplies.AUTH_THROTTLED;
        }
        Credentials credentials;
        try {
            credentials = switch (words[0].toUpperCase(Locale.ROOT)) {
                case "PLAIN" -> plain(session, words.length == 2 ? words[1] : null);
                case "LOGIN" -> login(session, words.length == 2 ? words[1] : null);
                default -> null;
            };
        } catch (Cancelled e) {
            return SmtpReplies.AUTH_CANCELLED;
        } catch (IllegalArgumentException e) {
            metrics.authFailed(SmtpMetrics.AuthFailure.MALFORMED);
            return SmtpReplies.AUTH_BAD_ENCODING;
        }
        if (credentials == null) {
            metrics.authFailed(SmtpMetrics.AuthFailure.MALFORMED);
            return SmtpReplies.AUTH_MECHANISM_UNSUPPORTED;
        }
        try {
            return verify(session, address, credentials);
        } finally {
            Arrays.fill(credentials.password, '\0');
        }
    }

    private SmtpReply verify(SmtpSession session, String address, Credentials credentials) {
        if (throttle.accountLocked(credentials.username)) {
            throttle.refused();
            metrics.authFailed(SmtpMetrics.AuthFailure.THROTTLED);
            return SmtpReplies.AUTH_THROTTLED;
        }
        SubmitterAuthenticator.Outcome outcome = credentials.valid()
                ? authenticator.authenticate(credentials.username, credentials.password)
                : SubmitterAuthenticator.Outcome.rejected();
        switch (outcome.kind()) {
            case ACCEPTED -> {
                throttle.succeeded(credentials.username);
                metrics.authSucceeded();
                session.authenticatedAs(outcome.mailbox());
                return SmtpReplies.AUTH_OK;
            }
            case DISABLED -> {
                metrics.authFailed(SmtpMetrics.AuthFailure.MAILBOX_DISABLED);
                return SmtpReplies.ACCOUNT_DISABLED;
            }
            default -> {
                metrics.authFailed(SmtpMetrics.AuthFailure.BAD_CREDENTIALS);
                Duration delay = throttle.failed(address, credentials.username);
                log.info("SMTP session {}: authentication failed from {}", session.sessionId(), address);
                sleep(delay);
                return SmtpReplies.AUTH_FAILED;
            }
        }
    }

    /** RFC 4616: [authzid] NUL authcid NUL passwd; an authzid other than the authcid is not allowed here. */
    private Credentials plain(SmtpSession session, String initial) throws IOException, Cancelled {
        String response = initial != null ? initial : challenge(session, "");
        byte[] decoded = response.equals("=") ? new byte[0] : Base64.getDecoder().decode(response);
        try {
            int first = indexOf(decoded, 0);
            int second = first < 0 ? -1 : indexOf(decoded, first + 1);
            if (second < 0) {
                throw new IllegalArgumentException("not authzid NUL authcid NUL passwd");
            }
            String authzid = new String(decoded, 0, first, StandardCharsets.UTF_8);
            String authcid = new String(decoded, first + 1, second - first - 1, StandardCharsets.UTF_8);
            char[] password = utf8Chars(decoded, second + 1, decoded.length - second - 1);
            boolean valid = authzid.isEmpty() || authzid.equalsIgnoreCase(authcid);
            return new Credentials(authcid, password, valid);
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
    }

    private Credentials login(SmtpSession session, String initial) throws IOException, Cancelled {
        String user = initial != null ? initial : challenge(session, USERNAME_CHALLENGE);
        String username = new String(Base64.getDecoder().decode(user), StandardCharsets.UTF_8);
        byte[] decoded = Base64.getDecoder().decode(challenge(session, PASSWORD_CHALLENGE));
        try {
            return new Credentials(username, utf8Chars(decoded, 0, decoded.length), true);
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
    }

    private static String challenge(SmtpSession session, String text) throws IOException, Cancelled {
        session.send(SmtpReplies.AUTH_CONTINUE.withText(text));
        String line = session.wire.getReader().readLine();
        if (line == null) {
            throw new java.io.EOFException("connection closed during AUTH");
        }
        if (line.equals("*")) {
            throw new Cancelled();
        }
        return line.trim();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static char[] utf8Chars(byte[] bytes, int offset, int length) {
        java.nio.CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(bytes, offset, length));
        char[] result = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
        Arrays.fill(chars.array(), '\0');
        return result;
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Credentials(String username, char[] password, boolean valid) {
    }

    private static final class Cancelled extends Exception {
        private static final long serialVersionUID = 1L;
    }
}
