package it.pecgateway.mailstore;

import java.io.InputStream;

/**
 * Message bodies, streamed in and out: a body is never held whole in heap. Bodies are immutable; a body is
 * removed when no message or queue entry refers to it any more.
 */
public interface Blobs {

    /**
     * Stores a body; durable when the transaction that first refers to it (a message or a queue entry) commits.
     * Put a body before {@link MailStore#inTransaction} when you can: on SQLite a large body is then written and
     * synced on your thread, not on the store's single writer thread. A body nothing ever refers to is removed
     * (SQLite: after an hour or at the next start; PostgreSQL: at a node's start once a day old).
     */
    BlobId put(BodySource source);

    /** The body's bytes, exactly as stored. The caller closes the stream. @throws MailStoreException NOT_FOUND */
    InputStream open(BlobId id);

    long size(BlobId id);
}
