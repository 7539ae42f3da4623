package it.pecgateway.mailstore.jdbc;

import it.pecgateway.mailstore.DeliveryTracking;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Per (transaction, recipient) timers of digest 9.5. A mark only sets a time that is not set yet. */
final class JdbcTracking implements DeliveryTracking {
    private static final String COLUMNS = "reference, recipient, started_at, taken_at, delivered_at, warned_at,"
            + " closed_at, context";

    private final Db db;

    JdbcTracking(Db db) {
        this.db = db;
    }

    @Override
    public void start(String reference, String recipient, Instant startedAt, String context) {
        db.write(tx -> Sql.update(tx.connection(), "INSERT INTO tracking (reference, recipient, started_at, context)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", reference, recipient, startedAt, context));
    }

    @Override
    public void markTakenInCharge(String reference, String recipient, Instant at) {
        mark("taken_at", reference, recipient, at);
    }

    @Override
    public void markDelivered(String reference, String recipient, Instant at) {
        mark("delivered_at", reference, recipient, at);
    }

    @Override
    public void markFailed(String reference, String recipient, Instant at) {
        mark("closed_at", reference, recipient, at);
    }

    @Override
    public void markWarned(String reference, String recipient, Instant at) {
        mark("warned_at", reference, recipient, at);
    }

    @Override
    public void markFinalNoticeSent(String reference, String recipient, Instant at) {
        mark("closed_at", reference, recipient, at);
    }

    private void mark(String column, String reference, String recipient, Instant at) {
        int changed = db.write(tx -> Sql.update(tx.connection(), "UPDATE tracking SET " + column + " = coalesce("
                + column + ", ?) WHERE reference = ? AND recipient = ?", at, reference, recipient));
        if (changed == 0) {
            throw Errors.notFound("tracking");
        }
    }

    @Override
    public List<Tracked> warningsDue(Instant startedBefore, int max) {
        return db.read(tx -> Sql.list(tx.connection(), "SELECT " + COLUMNS + " FROM tracking WHERE closed_at IS NULL"
                + " AND started_at <= ? AND taken_at IS NULL AND delivered_at IS NULL AND warned_at IS NULL"
                + " ORDER BY started_at LIMIT ?", JdbcTracking::tracked, startedBefore, max));
    }

    @Override
    public List<Tracked> finalsDue(Instant startedBefore, int max) {
        return db.read(tx -> Sql.list(tx.connection(), "SELECT " + COLUMNS + " FROM tracking WHERE closed_at IS NULL"
                + " AND started_at <= ? AND delivered_at IS NULL ORDER BY started_at LIMIT ?",
                JdbcTracking::tracked, startedBefore, max));
    }

    @Override
    public List<Tracked> forReference(String reference) {
        return db.read(tx -> Sql.list(tx.connection(), "SELECT " + COLUMNS + " FROM tracking WHERE reference = ?"
                + " ORDER BY recipient", JdbcTracking::tracked, reference));
    }

    private static Tracked tracked(ResultSet rs) throws SQLException {
        return new Tracked(rs.getString("reference"), rs.getString("recipient"), Sql.instant(rs, "started_at"),
                Sql.instant(rs, "taken_at"), Sql.instant(rs, "delivered_at"), Sql.instant(rs, "warned_at"),
                Sql.instant(rs, "closed_at"), rs.getString("context"));
    }
}
