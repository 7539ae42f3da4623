package it.pecgateway.access;

/**
 * A command or argument that does not parse. Its message is always our own text, never the input's, so it may go
 * on the wire (IMAP BAD, POP3 -ERR); no stack trace is kept, it is the client's mistake.
 */
public abstract class CommandSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected CommandSyntaxException(String message) {
        super(message, null, false, false);
    }
}
