package it.pecgateway.mailstore.jdbc;

import it.pecgateway.mailstore.BlobId;
import it.pecgateway.mailstore.BodySource;
import java.io.InputStream;
import java.sql.SQLException;

/** Where a backend keeps message bodies. */
public interface BlobStore {

    /**
     * True when a body larger than {@link PendingBodies#LIMIT} is written outside the database (SQLite: a file,
     * synced on the caller's thread before the metadata write is queued); false when it goes into the
     * transaction.
     */
    boolean largeBodiesOutsideTransaction();

    BlobId put(Db db, BodySource source);

    InputStream open(Db db, BlobId id);

    long size(Db db, BlobId id);

    /**
     * Inside a write that is about to refer to the body: its size, and (PostgreSQL) a lock that keeps it from
     * being removed until the transaction ends. @throws MailStoreException NOT_FOUND
     */
    long sizeForReference(Tx tx, long blobId) throws SQLException;

    /** Removes a body that was just stored and that nothing refers to, after the write that would have failed. */
    void discard(BlobId id);
}
