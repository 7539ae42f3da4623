package it.pecgateway.access;

/**
 * What the access servers count. Callbacks must be cheap and thread-safe; the gateway maps them to its metrics
 * registry ({@link AccessCounters} is a ready in-memory implementation). Label values come from closed enums.
 */
public interface AccessMetrics {

    enum Protocol { IMAP, POP3 }

    /** Why a login was refused. */
    enum LoginFailure { BAD_CREDENTIALS, MAILBOX_DISABLED, TLS_REQUIRED, TOO_MANY_SESSIONS }

    /**
     * Why a connection was closed by the server before the client asked. ACCESS_REVOKED: the mailbox was
     * suspended, deactivated or deleted, or became read-only under a read-write session.
     */
    enum Refusal { TOO_MANY_FROM_ADDRESS, IDLE_TIMEOUT, LINE_TOO_LONG, SERVER_BUSY, ACCESS_REVOKED }

    /**
     * How a command ended: OK ({@code OK}, {@code +OK}), NO (refused: {@code NO}, {@code -ERR}), BAD (a syntax
     * error, an unknown command, a command not allowed in this state), ERROR (an internal failure, answered with
     * a generic reply).
     */
    enum Outcome { OK, NO, BAD, ERROR }

    void connectionOpened(Protocol protocol);

    void connectionClosed(Protocol protocol);

    void refused(Protocol protocol, Refusal refusal);

    void loginSucceeded(Protocol protocol);

    void loginFailed(Protocol protocol, LoginFailure failure);

    /** A command ended with an internal error (mapped to a generic reply, details in the log). */
    void internalError(Protocol protocol);

    /** A command got its final reply (continuation lines of AUTHENTICATE and IDLE are part of their command). */
    void commandCompleted(Protocol protocol, Outcome outcome);

    /** A TLS handshake failed: implicit TLS from the first byte, or after STARTTLS. */
    void tlsHandshakeFailed(Protocol protocol);

    static AccessMetrics none() {
        return new AccessCounters();
    }
}
