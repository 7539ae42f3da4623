package it.pecgateway.mailstore.jdbc;

import it.pecgateway.mailstore.PasswordHasher;
import java.time.Clock;

/**
 * What differs between backends, handed to the shared JDBC code.
 *
 * @param skipLocked SQL after the row selection of a queue lease: {@code FOR UPDATE SKIP LOCKED} on PostgreSQL,
 *                   empty on SQLite (one writer at a time makes it unnecessary)
 */
public record Backend(Clock clock, PasswordHasher hasher, BlobStore blobs, String skipLocked) {
}
