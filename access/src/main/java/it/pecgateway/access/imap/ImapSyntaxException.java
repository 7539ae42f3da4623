package it.pecgateway.access.imap;

import it.pecgateway.access.CommandSyntaxException;

/** A command that does not parse: answered BAD with this message, which is always ours, never the input's. */
final class ImapSyntaxException extends CommandSyntaxException {
    private static final long serialVersionUID = 1L;

    ImapSyntaxException(String message) {
        super(message);
    }
}
