package it.pecgateway.mailstore;

import java.io.InputStream;

/**
 * Message bodies, streamed in and out: a body is never held whole in heap. Bodies are immutable; a body is
 * removed when no message or queue entry refers to it any more.
 */
public interface Blobs {

    /** Stores a body; durable when the enclosing transaction commits. */
    BlobId put(BodySource source);

    /** The body's bytes, exactly as stored. The caller closes the stream. @throws MailStoreException NOT_FOUND */
    InputStream open(BlobId id);

    long size(BlobId id);
}
