package it.pecgateway.gateway.smtp;

import java.io.IOException;
import java.io.InputStream;

/**
 * A received message body, our {@code Received:} line first, re-readable as often as needed (in memory when small,
 * else a spool file). It is gone when the handler returns: a handler that accepts the message must have stored it
 * durably by then. It is not synced ({@link SpoolBuffer} says why).
 */
public final class SpooledMessage {
    private final SpoolBuffer bytes;

    SpooledMessage(SpoolBuffer bytes) {
        this.bytes = bytes;
    }

    public long size() {
        return bytes.size();
    }

    public InputStream open() throws IOException {
        return bytes.open();
    }

    /** The whole message; for tests and small messages only. */
    public byte[] readAll() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    void discard() {
        bytes.discard();
    }
}
