package it.pecgateway.receipts;

import java.io.IOException;
import java.io.OutputStream;

/** The bytes of the {@code postacert.eml} part, written once, already CRLF. */
@FunctionalInterface
interface Attachment {
    void writeTo(OutputStream out) throws IOException;
}
