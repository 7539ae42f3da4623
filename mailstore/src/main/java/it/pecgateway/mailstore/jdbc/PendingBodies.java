package it.pecgateway.mailstore.jdbc;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Small bodies between {@code put} and the transaction that first refers to them. Such a body is held in memory
 * (at most {@link #LIMIT} bytes) and written by that transaction, so that it needs no commit and no sync of its
 * own: the referring transaction's commit makes both durable at once. A body nothing refers to within
 * {@link #KEEP} is forgotten; a crash forgets them all, which loses nothing, since nothing committed refers to them.
 */
public final class PendingBodies {
    public static final int LIMIT = 64 * 1024;
    static final Duration KEEP = Duration.ofHours(1);

    /** Writes a pending body as a row (or rows) of the backend's body tables; false if they were there already. */
    @FunctionalInterface
    public interface RowWriter {
        boolean write(Tx tx, long id, byte[] data) throws SQLException;
    }

    private record Pending(byte[] data, long since) { }

    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

    public void add(long id, byte[] data) {
        if (pending.size() > 1000) {
            long cutoff = System.nanoTime() - KEEP.toNanos();
            pending.values().removeIf(p -> p.since() - cutoff < 0);
        }
        pending.put(id, new Pending(data, System.nanoTime()));
    }

    public Optional<byte[]> get(long id) {
        Pending p = pending.get(id);
        return p == null ? Optional.empty() : Optional.of(p.data());
    }

    /**
     * Inside a transaction about to refer to the body: if it is pending, writes it. Returns its size when this
     * transaction wrote it (and so holds it); empty when it was not pending or another transaction had written it
     * already. The body stops being pending once the transaction has committed.
     */
    public OptionalLong writeIfPending(Tx tx, long id, RowWriter writer) throws SQLException {
        Pending p = pending.get(id);
        if (p == null) {
            return OptionalLong.empty();
        }
        boolean written = writer.write(tx, id, p.data());
        tx.afterCommit(() -> pending.remove(id));
        return written ? OptionalLong.of(p.data().length) : OptionalLong.empty();
    }
}
