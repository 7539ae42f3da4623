package it.pecgateway.mailstore.jdbc;

import it.pecgateway.mailstore.LegalLog;
import it.pecgateway.mailstore.LogEvent;
import it.pecgateway.mailstore.LogRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The hash-chained legal log. Appends serialise on the single {@code legal_log_head} row, which also remembers the
 * newest record, so that removing records at the end of the chain is detected like any other gap. A purge replaces
 * the records it removes by one checkpoint row with the sequence and hash of the last purged record: the chain
 * continues from it.
 */
final class JdbcLegalLog implements LegalLog {
    private static final String EVENT = "event";
    private static final String CHECKPOINT = "checkpoint";
    private static final String COLUMNS = "seq, kind, identificativo, event_time, event_type, sender, recipients, subject,"
            + " related, peer_provider, detail, prev_hash, hash";

    private final Db db;

    JdbcLegalLog(Db db) {
        this.db = db;
    }

    @Override
    public LogRecord append(LogEvent given) {
        LogEvent e = new LogEvent(given.identificativo(), Instant.ofEpochMilli(given.time().toEpochMilli()),
                given.eventType(), given.sender(), given.recipients(), given.subject(), given.relatedMessageIds(),
                given.peerProvider(), given.detail());
        requireOneLine(e.recipients());
        requireOneLine(e.relatedMessageIds());
        return db.write(tx -> {
            Connection c = tx.connection();
            LogHead batchHead = tx.logHead();
            long seq;
            String previous;
            if (batchHead != null) {
                LogHead.Next next = batchHead.next(c);
                seq = next.seq();
                previous = next.previousHash();
            } else {
                record Head(long seq, String hash) { }
                Head head = Sql.one(c, "UPDATE legal_log_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash",
                        rs -> new Head(rs.getLong(1), rs.getString(2))).orElseThrow();
                seq = head.seq();
                previous = head.hash();
            }
            String hash = LogHashing.hash(seq, previous, e);
            Object[] record = {seq, EVENT, e.identificativo(), e.time(), e.eventType(), e.sender(),
                    String.join("\n", e.recipients()), e.subject(), String.join("\n", e.relatedMessageIds()),
                    e.peerProvider().orElse(null), e.detail().orElse(null), previous, hash};
            Set<String> addresses = new LinkedHashSet<>();
            addresses.add(e.sender().toLowerCase(Locale.ROOT));
            e.recipients().forEach(r -> addresses.add(r.toLowerCase(Locale.ROOT)));
            List<Object[]> addressRows = addresses.stream().map(a -> new Object[] {a, seq}).toList();
            if (batchHead != null) {
                batchHead.appended(seq, hash, record, addressRows); // written with the batch's others before commit
            } else {
                insertRecords(c, List.<Object[]>of(record));
                insertAddresses(c, addressRows);
                Sql.update(c, "UPDATE legal_log_head SET hash = ? WHERE id = 1", hash);
            }
            return new LogRecord(seq, e, previous, hash);
        });
    }

    @Override
    public List<LogRecord> query(LogQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM legal_log WHERE kind = '" + EVENT + "'");
        List<Object> args = new ArrayList<>();
        q.identificativo().ifPresent(id -> {
            sql.append(" AND identificativo = ?");
            args.add(id);
        });
        q.address().ifPresent(a -> {
            sql.append(" AND seq IN (SELECT seq FROM legal_log_addresses WHERE address = ?)");
            args.add(a.trim().toLowerCase(Locale.ROOT));
        });
        q.from().ifPresent(t -> {
            sql.append(" AND event_time >= ?");
            args.add(t);
        });
        q.to().ifPresent(t -> {
            sql.append(" AND event_time < ?");
            args.add(t);
        });
        sql.append(" ORDER BY seq");
        if (q.limit() > 0) {
            sql.append(" LIMIT ?");
            args.add(q.limit());
        }
        return db.read(tx -> {
            flushHead(tx);
            return Sql.list(tx.connection(), sql.toString(), JdbcLegalLog::record, args.toArray());
        });
    }

    @Override
    public LogVerification verify() {
        return db.read(tx -> {
            flushHead(tx);
            ChainCheck check = new ChainCheck();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM legal_log ORDER BY seq")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && check.problem == null) {
                        check.next(rs.getString("kind"), record(rs));
                    }
                }
            }
            Sql.one(tx.connection(), "SELECT seq, hash FROM legal_log_head WHERE id = 1",
                    rs -> check.end(rs.getLong(1), rs.getString(2)));
            return check.result();
        });
    }

    static void insertRecords(Connection c, List<Object[]> rows) throws SQLException {
        batch(c, "INSERT INTO legal_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    static void insertAddresses(Connection c, List<Object[]> rows) throws SQLException {
        batch(c, "INSERT INTO legal_log_addresses (address, seq) VALUES (?, ?)", rows);
    }

    /** One JDBC batch: PostgreSQL's driver sends it in one round trip. */
    private static void batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                Sql.bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Inside a writer's batch, the records it appended so far are written before the log is read. */
    private static void flushHead(Tx tx) throws SQLException {
        if (tx.logHead() != null) {
            tx.logHead().flush(tx.connection());
        }
    }

    /** Walks the chain in sequence order and keeps the first problem found. */
    private static final class ChainCheck {
        long expectedSeq = 1;
        String expectedPrevious = LogHashing.GENESIS;
        long checked;
        boolean first = true;
        Long badSeq;
        String problem;

        void next(String kind, LogRecord r) {
            boolean anchor = first && CHECKPOINT.equals(kind);
            first = false;
            if (anchor) {
                expectedSeq = r.sequence() + 1;
                expectedPrevious = r.hash();
                return;
            }
            checked++;
            if (r.sequence() != expectedSeq) {
                bad(expectedSeq, "records " + expectedSeq + " to " + (r.sequence() - 1) + " are missing");
            } else if (!EVENT.equals(kind)) {
                bad(r.sequence(), "a checkpoint inside the chain");
            } else if (!r.previousHash().equals(expectedPrevious)) {
                bad(r.sequence(), "record does not continue the chain");
            } else if (!LogHashing.hash(r.sequence(), r.previousHash(), r.event()).equals(r.hash())) {
                bad(r.sequence(), "record was changed");
            } else {
                expectedSeq++;
                expectedPrevious = r.hash();
            }
        }

        boolean end(long headSeq, String headHash) {
            if (problem == null && (headSeq != expectedSeq - 1 || !headHash.equals(expectedPrevious))) {
                bad(expectedSeq, "records at the end of the log are missing or changed");
            }
            return problem == null;
        }

        void bad(long seq, String why) {
            badSeq = seq;
            problem = why;
        }

        LogVerification result() {
            return new LogVerification(problem == null, checked, Optional.ofNullable(badSeq), Optional.ofNullable(problem));
        }
    }

    @Override
    public PurgeResult purgeBefore(Instant cutoff) {
        return db.write(tx -> {
            Connection c = tx.connection();
            flushHead(tx);
            long head = Sql.one(c, "UPDATE legal_log_head SET seq = seq WHERE id = 1 RETURNING seq", rs -> rs.getLong(1))
                    .orElseThrow();
            long firstKept = Sql.longValue(c, "SELECT min(seq) FROM legal_log WHERE kind = 'event' AND event_time >= ?",
                    head + 1, cutoff);
            long last = firstKept - 1;
            long purged = Sql.longValue(c, "SELECT count(*) FROM legal_log WHERE kind = 'event' AND seq <= ?", 0, last);
            if (purged == 0) {
                return new PurgeResult(0, Optional.empty());
            }
            String anchor = Sql.one(c, "SELECT hash FROM legal_log WHERE seq = ?", rs -> rs.getString(1), last)
                    .orElseThrow();
            Sql.update(c, "DELETE FROM legal_log WHERE seq <= ?", last);
            Sql.update(c, "DELETE FROM legal_log_addresses WHERE seq <= ?", last);
            Instant at = Instant.ofEpochMilli(cutoff.toEpochMilli());
            String detail = "purged " + purged + " records through sequence " + last + " older than " + at;
            Sql.update(c, "INSERT INTO legal_log (" + COLUMNS + ") VALUES (?, ?, '', ?, 'checkpoint', '', '', '', '',"
                    + " NULL, ?, ?, ?)", last, CHECKPOINT, at, detail, LogHashing.GENESIS, anchor);
            LogEvent event = new LogEvent("", at, CHECKPOINT, "", List.of(), "", List.of(), Optional.empty(),
                    Optional.of(detail));
            return new PurgeResult(purged, Optional.of(new LogRecord(last, event, LogHashing.GENESIS, anchor)));
        });
    }

    private static void requireOneLine(List<String> values) {
        if (values.stream().anyMatch(v -> v.isEmpty() || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0)) {
            throw Errors.invalid("a recipient or message id is empty or holds a line break");
        }
    }

    private static LogRecord record(ResultSet rs) throws SQLException {
        LogEvent e = new LogEvent(rs.getString("identificativo"), Instant.ofEpochMilli(rs.getLong("event_time")),
                rs.getString("event_type"), rs.getString("sender"), lines(rs.getString("recipients")),
                rs.getString("subject"), lines(rs.getString("related")), Optional.ofNullable(rs.getString("peer_provider")),
                Optional.ofNullable(rs.getString("detail")));
        return new LogRecord(rs.getLong("seq"), e, rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static List<String> lines(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split("\n", -1));
    }
}
