package it.pecgateway.access.imap;

/** A command that does not parse: answered BAD with this message, which is always ours, never the input's. */
final class ImapSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ImapSyntaxException(String message) {
        super(message, null, false, false);
    }
}
