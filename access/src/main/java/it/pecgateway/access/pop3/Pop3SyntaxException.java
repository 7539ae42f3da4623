package it.pecgateway.access.pop3;

/** An argument that does not parse: answered -ERR with this (our own) text. */
final class Pop3SyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Pop3SyntaxException(String message) {
        super(message, null, false, false);
    }
}
