package it.pecgateway.gateway.smtp;

import java.nio.file.Path;

/**
 * A received message body on disk (fsync done), our {@code Received:} line first. It is deleted when the handler
 * returns: a handler that accepts the message must have stored it durably by then.
 */
public record SpooledMessage(Path file, long size) {
}
