package it.pecgateway.access.imap;

import java.io.IOException;

/** A response was cut half way (a literal could not be completed): the only safe way on is to hang up. */
final class BrokenResponseException extends IOException {
    private static final long serialVersionUID = 1L;

    BrokenResponseException(IOException cause) {
        super("response cut half way", cause);
    }
}
