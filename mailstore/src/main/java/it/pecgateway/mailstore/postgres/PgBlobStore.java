package it.pecgateway.mailstore.postgres;

import it.pecgateway.mailstore.BlobId;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.jdbc.BlobStore;
import it.pecgateway.mailstore.jdbc.Db;
import it.pecgateway.mailstore.jdbc.Errors;
import it.pecgateway.mailstore.jdbc.PendingBodies;
import it.pecgateway.mailstore.jdbc.Sql;
import it.pecgateway.mailstore.jdbc.Tx;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

/**
 * Bodies inside the database as 256 KiB {@code bytea} chunks, so that every node reads them; streamed in and out
 * one chunk at a time. A small body is written by the transaction that first refers to it ({@link PendingBodies}).
 * A body row is locked {@code FOR KEY SHARE} by whoever adds a reference and {@code FOR UPDATE} by whoever
 * removes it, so a removal never races a new reference.
 */
final class PgBlobStore implements BlobStore {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PgBlobStore.class);
    static final int CHUNK = 256 * 1024;
    private final Clock clock;
    private final PendingBodies pending = new PendingBodies();

    PgBlobStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean largeBodiesOutsideTransaction() {
        return false;
    }

    @Override
    public BlobId put(Db db, BodySource source) {
        try (InputStream in = source.open()) {
            byte[] head = in.readNBytes(PendingBodies.LIMIT + 1);
            if (head.length <= PendingBodies.LIMIT) {
                long id = db.read(tx -> Sql.one(tx.connection(), "SELECT nextval(pg_get_serial_sequence('blobs', 'id'))",
                        rs -> rs.getLong(1)).orElseThrow());
                pending.add(id, head);
                return new BlobId(id);
            }
            return db.write(tx -> writeChunks(tx, head, in));
        } catch (java.io.IOException e) {
            throw Errors.unavailable(e);
        } catch (java.io.UncheckedIOException e) {
            throw Errors.unavailable(e.getCause());
        }
    }

    private BlobId writeChunks(Tx tx, byte[] head, InputStream rest) throws SQLException, java.io.IOException {
        Connection c = tx.connection();
        long id = Sql.one(c, "INSERT INTO blobs (size, created_at) VALUES (0, ?) RETURNING id", rs -> rs.getLong(1),
                clock.instant()).orElseThrow();
        long size = 0;
        try (InputStream in = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), rest);
             PreparedStatement ps = c.prepareStatement("INSERT INTO blob_chunks (blob_id, seq, data) VALUES (?, ?, ?)")) {
            byte[] buffer = new byte[CHUNK];
            for (int seq = 0; ; seq++) {
                int n = in.readNBytes(buffer, 0, CHUNK);
                if (n == 0) {
                    break;
                }
                ps.setLong(1, id);
                ps.setInt(2, seq);
                ps.setBytes(3, n == CHUNK ? buffer : Arrays.copyOf(buffer, n));
                ps.executeUpdate();
                size += n;
            }
        }
        Sql.update(c, "UPDATE blobs SET size = ? WHERE id = ?", size, id);
        return new BlobId(id);
    }

    /** A pending small body becomes one row and one chunk (one statement), inside the transaction that refers to it. */
    private boolean writeSmall(Tx tx, long id, byte[] data) throws SQLException {
        return Sql.update(tx.connection(), "WITH b AS (INSERT INTO blobs (id, size, created_at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING RETURNING id) INSERT INTO blob_chunks (blob_id, seq, data)"
                + " SELECT id, 0, ? FROM b", id, (long) data.length, clock.instant(), data) == 1;
    }

    @Override
    public InputStream open(Db db, BlobId id) {
        Optional<byte[]> small = pending.get(id.value());
        if (small.isPresent()) {
            return new java.io.ByteArrayInputStream(small.get());
        }
        return new ChunkStream(db, id.value(), size(db, id));
    }

    @Override
    public long size(Db db, BlobId id) {
        Optional<byte[]> small = pending.get(id.value());
        if (small.isPresent()) {
            return small.get().length;
        }
        return db.read(tx -> Sql.one(tx.connection(), "SELECT size FROM blobs WHERE id = ?", rs -> rs.getLong(1), id.value()))
                .orElseThrow(() -> Errors.notFound("message body"));
    }

    @Override
    public long sizeForReference(Tx tx, long blobId) throws SQLException {
        java.util.OptionalLong written = pending.writeIfPending(tx, blobId, this::writeSmall);
        if (written.isPresent()) {
            return written.getAsLong(); // inserted by this transaction: nobody else can remove it before commit
        }
        return Sql.one(tx.connection(), "SELECT size FROM blobs WHERE id = ? FOR KEY SHARE", rs -> rs.getLong(1), blobId)
                .orElseThrow(() -> Errors.notFound("message body"));
    }

    @Override
    public void discard(BlobId id) {
        // never called: bodies are written in the same transaction as the reference, and roll back with it
    }

    /** In its own transaction after a commit: removes the body if nothing refers to it once it is locked. */
    static void collect(Connection c, long blobId) throws SQLException {
        c.setAutoCommit(false);
        try {
            if (Sql.one(c, "SELECT id FROM blobs WHERE id = ? FOR UPDATE", rs -> 1, blobId).isPresent()
                    && Sql.one(c, "SELECT 1 FROM messages WHERE blob_id = ? UNION ALL SELECT 1 FROM queue"
                    + " WHERE blob_id = ? AND state <> 'DONE' LIMIT 1", rs -> 1, blobId, blobId).isEmpty()) {
                Sql.update(c, "DELETE FROM blobs WHERE id = ?", blobId);
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    /** At a node's start: removes bodies older than {@code before} that nothing refers to. */
    static void removeOrphans(javax.sql.DataSource pool, java.time.Instant before) {
        try (Connection c = pool.getConnection()) {
            int removed = Sql.update(c, "DELETE FROM blobs b WHERE b.created_at < ?"
                    + " AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.blob_id = b.id)"
                    + " AND NOT EXISTS (SELECT 1 FROM queue q WHERE q.blob_id = b.id AND q.state <> 'DONE')", before);
            if (removed > 0) {
                LOG.info("removed {} message bodies that no message or queue entry refers to", removed);
            }
        } catch (SQLException e) {
            LOG.warn("could not remove unreferenced message bodies; the next start tries again", e);
        }
    }

    /** Reads one chunk per query, so at most one chunk is in heap. */
    private static final class ChunkStream extends InputStream {
        private final Db db;
        private final long blobId;
        private final long size;
        private long position;
        private byte[] chunk = new byte[0];
        private int offset;
        private int seq;

        ChunkStream(Db db, long blobId, long size) {
            this.db = db;
            this.blobId = blobId;
            this.size = size;
        }

        private boolean fill() throws IOException {
            if (offset < chunk.length) {
                return true;
            }
            if (position >= size) {
                return false;
            }
            int next = seq++;
            chunk = db.read(tx -> Sql.one(tx.connection(), "SELECT data FROM blob_chunks WHERE blob_id = ? AND seq = ?",
                    rs -> rs.getBytes(1), blobId, next)).orElseThrow(() -> new IOException("message body chunk missing"));
            offset = 0;
            return chunk.length > 0;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            position++;
            return chunk[offset++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - offset);
            System.arraycopy(chunk, offset, b, off, n);
            offset += n;
            position += n;
            return n;
        }
    }
}
