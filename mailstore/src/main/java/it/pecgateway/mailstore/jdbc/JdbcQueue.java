package it.pecgateway.mailstore.jdbc;

import it.pecgateway.mailstore.BlobId;
import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.MailStoreException.Reason;
import it.pecgateway.mailstore.NewQueueEntry;
import it.pecgateway.mailstore.OutboundQueue;
import it.pecgateway.mailstore.QueueEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The outbound queue. A lease is a row state ({@code LEASED}, owner, expiry) changed by one UPDATE over the due
 * rows; on PostgreSQL the row selection skips rows another node is leasing at that moment.
 */
final class JdbcQueue implements OutboundQueue {
    private static final String COLUMNS = "id, blob_id, sender, recipient, purpose, reference, state, attempts,"
            + " created_at, next_attempt_at, last_error";
    private static final String OPEN = "state IN ('PENDING', 'LEASED')";

    private final Db db;
    private final Backend backend;

    JdbcQueue(Db db, Backend backend) {
        this.db = db;
        this.backend = backend;
    }

    @Override
    public long enqueue(NewQueueEntry e) {
        return db.write(tx -> {
            backend.blobs().sizeForReference(tx, e.body().value());
            return Sql.one(tx.connection(), "INSERT INTO queue (blob_id, sender, recipient, purpose, reference, state,"
                            + " attempts, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) RETURNING id",
                    rs -> rs.getLong(1), e.body().value(), e.sender(), e.recipient(), e.purpose(), e.reference(),
                    now(), e.notBefore()).orElseThrow();
        });
    }

    @Override
    public List<QueueEntry> lease(String owner, int max, Duration leaseFor) {
        Instant now = now();
        List<QueueEntry> leased = new ArrayList<>(db.write(tx -> Sql.list(tx.connection(),
                "UPDATE queue SET state = 'LEASED', lease_owner = ?, lease_until = ?, attempts = attempts + 1"
                        + " WHERE id IN (SELECT id FROM queue WHERE (state = 'PENDING' AND next_attempt_at <= ?)"
                        + " OR (state = 'LEASED' AND lease_until <= ?) ORDER BY next_attempt_at, id LIMIT ?"
                        + backend.skipLocked() + ") RETURNING " + COLUMNS,
                JdbcQueue::entry, owner, now.plus(leaseFor), now, now, max)));
        leased.sort(Comparator.comparing(QueueEntry::nextAttemptAt).thenComparingLong(QueueEntry::id));
        return leased;
    }

    @Override
    public void complete(long entryId, String owner) {
        db.write(tx -> {
            long blobId = leased(tx, entryId, owner);
            Sql.update(tx.connection(), "UPDATE queue SET state = 'DONE', lease_owner = NULL, lease_until = NULL,"
                    + " finished_at = ? WHERE id = ?", now(), entryId);
            tx.released(blobId);
            return null;
        });
    }

    @Override
    public void retryLater(long entryId, String owner, Instant nextAttempt, String lastError) {
        db.write(tx -> {
            leased(tx, entryId, owner);
            return Sql.update(tx.connection(), "UPDATE queue SET state = 'PENDING', lease_owner = NULL,"
                    + " lease_until = NULL, next_attempt_at = ?, last_error = ? WHERE id = ?", nextAttempt, lastError, entryId);
        });
    }

    @Override
    public void fail(long entryId, String owner, String lastError) {
        db.write(tx -> {
            leased(tx, entryId, owner);
            // the body stays: a failed entry is kept for inspection and still refers to it
            return Sql.update(tx.connection(), "UPDATE queue SET state = 'FAILED', lease_owner = NULL,"
                    + " lease_until = NULL, last_error = ?, finished_at = ? WHERE id = ?", lastError, now(), entryId);
        });
    }

    /** The entry's body, if the entry is leased to {@code owner}; CONFLICT otherwise. */
    private static long leased(Tx tx, long entryId, String owner) throws SQLException {
        record Lease(String state, String owner, long blobId) { }
        Lease lease = Sql.one(tx.connection(), "SELECT state, lease_owner, blob_id FROM queue WHERE id = ?",
                rs -> new Lease(rs.getString(1), rs.getString(2), rs.getLong(3)), entryId)
                .orElseThrow(() -> Errors.notFound("queue entry"));
        if (!"LEASED".equals(lease.state()) || !owner.equals(lease.owner())) {
            throw new MailStoreException(Reason.CONFLICT, "the lease on the queue entry was lost");
        }
        return lease.blobId();
    }

    @Override
    public Optional<QueueEntry> get(long entryId) {
        return db.read(tx -> Sql.one(tx.connection(), "SELECT " + COLUMNS + " FROM queue WHERE id = ?",
                JdbcQueue::entry, entryId));
    }

    @Override
    public List<QueueEntry> pending(int max) {
        return db.read(tx -> Sql.list(tx.connection(), "SELECT " + COLUMNS + " FROM queue WHERE " + OPEN
                + " ORDER BY created_at, id LIMIT ?", JdbcQueue::entry, max));
    }

    @Override
    public QueueStats stats() {
        Instant now = now();
        return db.read(tx -> Sql.one(tx.connection(), "SELECT count(*), min(created_at) AS oldest FROM queue WHERE " + OPEN,
                rs -> {
                    long count = rs.getLong(1);
                    Instant oldest = Sql.instant(rs, "oldest");
                    return new QueueStats(count, oldest == null ? Duration.ZERO : Duration.between(oldest, now));
                }).orElseThrow());
    }

    @Override
    public long purgeFinishedBefore(Instant cutoff) {
        return Purge.inBatches(db, tx -> {
            record Removed(String state, long blobId) { }
            List<Removed> removed = Sql.list(tx.connection(), "DELETE FROM queue WHERE id IN (SELECT id FROM queue"
                            + " WHERE finished_at < ? AND state IN ('DONE', 'FAILED') LIMIT ?" + backend.skipLocked()
                            + ") RETURNING state, blob_id",
                    rs -> new Removed(rs.getString(1), rs.getLong(2)), cutoff, Purge.BATCH);
            // a DONE entry let go of its body when it completed; a FAILED one still held it until now
            removed.stream().filter(r -> "FAILED".equals(r.state())).forEach(r -> tx.released(r.blobId()));
            return removed.size();
        });
    }

    private Instant now() {
        return Instant.ofEpochMilli(backend.clock().millis());
    }

    private static QueueEntry entry(ResultSet rs) throws SQLException {
        return new QueueEntry(rs.getLong("id"), new BlobId(rs.getLong("blob_id")), rs.getString("sender"),
                rs.getString("recipient"), rs.getString("purpose"), rs.getString("reference"),
                QueueEntry.State.valueOf(rs.getString("state")), rs.getInt("attempts"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "next_attempt_at"), Optional.ofNullable(rs.getString("last_error")));
    }
}
