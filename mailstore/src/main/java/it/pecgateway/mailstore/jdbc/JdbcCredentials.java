package it.pecgateway.mailstore.jdbc;

import it.pecgateway.mailstore.Credentials;
import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.MailStoreException.Reason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Hashed credentials; a consumed one is deleted by the same statement that returns it, so it is used once. */
final class JdbcCredentials implements Credentials {
    private static final String COLUMNS = "id, kind, subject, scope, payload, created_at, expires_at";
    private static final String UNEXPIRED = "(expires_at IS NULL OR expires_at > ?)";

    private final Db db;

    JdbcCredentials(Db db) {
        this.db = db;
    }

    @Override
    public long issue(NewCredential c) {
        if (c.kind().isEmpty() || c.secretHash().isEmpty()) {
            throw Errors.invalid("a credential needs a kind and a secret hash");
        }
        return db.write(tx -> Sql.one(tx.connection(), "INSERT INTO credentials (kind, secret_hash, subject, scope, payload,"
                        + " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
                rs -> rs.getLong(1), c.kind(), c.secretHash(), c.subject(), c.scope(), c.payload(), c.createdAt(),
                Sql.millis(c.expiresAt())))
                .orElseThrow(() -> new MailStoreException(Reason.ALREADY_EXISTS, "credential exists already"));
    }

    @Override
    public Optional<Credential> find(String kind, String secretHash, Instant now) {
        return db.read(tx -> Sql.one(tx.connection(), "SELECT " + COLUMNS + " FROM credentials WHERE kind = ?"
                + " AND secret_hash = ? AND " + UNEXPIRED, JdbcCredentials::credential, kind, secretHash, now));
    }

    @Override
    public Optional<Credential> consume(String kind, String secretHash, Instant now) {
        return db.write(tx -> Sql.one(tx.connection(), "DELETE FROM credentials WHERE kind = ? AND secret_hash = ?"
                + " AND " + UNEXPIRED + " RETURNING " + COLUMNS, JdbcCredentials::credential, kind, secretHash, now));
    }

    @Override
    public List<Credential> list(String kind, Optional<String> subject, Instant now) {
        if (subject.isPresent()) {
            return db.read(tx -> Sql.list(tx.connection(), "SELECT " + COLUMNS + " FROM credentials WHERE kind = ?"
                    + " AND subject = ? AND " + UNEXPIRED + " ORDER BY id", JdbcCredentials::credential, kind, subject.get(), now));
        }
        return db.read(tx -> Sql.list(tx.connection(), "SELECT " + COLUMNS + " FROM credentials WHERE kind = ? AND "
                + UNEXPIRED + " ORDER BY id", JdbcCredentials::credential, kind, now));
    }

    @Override
    public boolean revoke(long id) {
        return db.write(tx -> Sql.update(tx.connection(), "DELETE FROM credentials WHERE id = ?", id)) == 1;
    }

    @Override
    public int revokeAll(String kind, String subject) {
        return db.write(tx -> Sql.update(tx.connection(), "DELETE FROM credentials WHERE kind = ? AND subject = ?", kind, subject));
    }

    @Override
    public int purgeExpired(Instant now) {
        return db.write(tx -> Sql.update(tx.connection(), "DELETE FROM credentials WHERE expires_at <= ?", now));
    }

    private static Credential credential(ResultSet rs) throws SQLException {
        return new Credential(rs.getLong("id"), rs.getString("kind"), rs.getString("subject"), rs.getString("scope"),
                rs.getString("payload"), Sql.instant(rs, "created_at"), Optional.ofNullable(Sql.instant(rs, "expires_at")));
    }
}
