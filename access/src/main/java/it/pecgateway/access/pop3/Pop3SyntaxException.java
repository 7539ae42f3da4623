package it.pecgateway.access.pop3;

import it.pecgateway.access.CommandSyntaxException;

/** An argument that does not parse: answered -ERR with this (our own) text. */
final class Pop3SyntaxException extends CommandSyntaxException {
    private static final long serialVersionUID = 1L;

    Pop3SyntaxException(String message) {
        super(message);
    }
}
