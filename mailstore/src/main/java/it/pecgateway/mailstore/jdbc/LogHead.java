package it.pecgateway.mailstore.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The legal log as the units of one writer transaction (a group-commit batch) see it: the head (newest sequence and
 * hash) and the records appended by the batch. The batch holds the head row locked from its first append to its
 * commit anyway (on PostgreSQL from its first statement), so the row is read once and written once per batch, and
 * the records and their address rows are written together by two batched statements before the commit, not by four
 * statements per record. On PostgreSQL each statement is a round trip on the node's single writer connection.
 *
 * <p>The records, their sequence numbers, hashes and order are exactly those of appending one at a time; they are
 * in the same transaction and commit with it. A read of the log inside the batch writes what is waiting first
 * ({@link #flush}). A unit rolled back to its savepoint gives its sequence numbers and records back ({@link #reset}).
 */
public final class LogHead {
    private boolean loaded;
    private boolean headWritten = true;
    private long seq;
    private String hash;
    /** Every row the batch appended, in order; those from {@code written} on are not in the tables yet. */
    private final List<Object[]> records = new ArrayList<>();
    private final List<Object[]> addresses = new ArrayList<>();
    private int recordsWritten;
    private int addressesWritten;

    /** The state at the start of a unit, to go back to if the unit is rolled back to its savepoint. */
    public record Mark(boolean loaded, boolean headWritten, long seq, String hash, int records, int recordsWritten,
                       int addresses, int addressesWritten) { }

    /** The sequence and previous hash of the next record. */
    record Next(long seq, String previousHash) { }

    public Mark mark() {
        return new Mark(loaded, headWritten, seq, hash, records.size(), recordsWritten, addresses.size(), addressesWritten);
    }

    /** After a rollback to the savepoint taken with {@code mark}: what the unit appended or wrote is undone. */
    public void reset(Mark mark) {
        loaded = mark.loaded();
        headWritten = mark.headWritten();
        seq = mark.seq();
        hash = mark.hash();
        records.subList(mark.records(), records.size()).clear();
        addresses.subList(mark.addresses(), addresses.size()).clear();
        recordsWritten = mark.recordsWritten();
        addressesWritten = mark.addressesWritten();
    }

    Next next(Connection c) throws SQLException {
        if (!loaded) {
            // an UPDATE, so that the row is locked on PostgreSQL whatever the batch did before
            record Row(long seq, String hash) { }
            Row row = Sql.one(c, "UPDATE legal_log_head SET seq = seq WHERE id = 1 RETURNING seq, hash",
                    rs -> new Row(rs.getLong(1), rs.getString(2))).orElseThrow();
            seq = row.seq();
            hash = row.hash();
            loaded = true;
        }
        return new Next(seq + 1, hash);
    }

    /** A record (the parameters of its row) and its address rows, to be written before the batch commits. */
    void appended(long newSeq, String newHash, Object[] record, List<Object[]> addressRows) {
        seq = newSeq;
        hash = newHash;
        headWritten = false;
        records.add(record);
        addresses.addAll(addressRows);
    }

    /** Writes what is waiting: before the commit, and before the log is read inside the batch. */
    public void flush(Connection c) throws SQLException {
        if (recordsWritten < records.size()) {
            JdbcLegalLog.insertRecords(c, records.subList(recordsWritten, records.size()));
            recordsWritten = records.size();
        }
        if (addressesWritten < addresses.size()) {
            JdbcLegalLog.insertAddresses(c, addresses.subList(addressesWritten, addresses.size()));
            addressesWritten = addresses.size();
        }
        if (!headWritten) {
            Sql.update(c, "UPDATE legal_log_head SET seq = ?, hash = ? WHERE id = 1", seq, hash);
            headWritten = true;
        }
    }
}
