package it.pecgateway.mailstore.jdbc;

import it.pecgateway.mailstore.Accounts;
import it.pecgateway.mailstore.Blobs;
import it.pecgateway.mailstore.Credentials;
import it.pecgateway.mailstore.DeliveryTracking;
import it.pecgateway.mailstore.Folders;
import it.pecgateway.mailstore.LegalLog;
import it.pecgateway.mailstore.Messages;
import it.pecgateway.mailstore.OutboundQueue;
import it.pecgateway.mailstore.StoreSession;
import java.time.Instant;

/** The store's operations over one {@link Db}: the store's own (each operation a transaction) or an open one. */
public final class JdbcSession implements StoreSession {
    private final Db db;
    private final Accounts accounts;
    private final Folders folders;
    private final Messages messages;
    private final Blobs blobs;
    private final OutboundQueue queue;
    private final DeliveryTracking tracking;
    private final LegalLog legalLog;
    private final Credentials credentials;
    private final Backend backend;

    public JdbcSession(Db db, Backend backend) {
        this.db = db;
        this.backend = backend;
        this.accounts = new JdbcAccounts(db, backend);
        this.folders = new JdbcFolders(db, backend);
        this.messages = new JdbcMessages(db, backend);
        this.blobs = new JdbcBlobs(db, backend.blobs());
        this.queue = new JdbcQueue(db, backend);
        this.tracking = new JdbcTracking(db);
        this.legalLog = new JdbcLegalLog(db);
        this.credentials = new JdbcCredentials(db);
    }

    @Override
    public Accounts accounts() {
        return accounts;
    }

    @Override
    public Folders folders() {
        return folders;
    }

    @Override
    public Messages messages() {
        return messages;
    }

    @Override
    public Blobs blobs() {
        return blobs;
    }

    @Override
    public OutboundQueue queue() {
        return queue;
    }

    @Override
    public DeliveryTracking tracking() {
        return tracking;
    }

    @Override
    public LegalLog legalLog() {
        return legalLog;
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public boolean claimOnce(String key) {
        if (key == null || key.isEmpty()) {
            throw Errors.invalid("empty claim key");
        }
        return db.write(tx -> Sql.update(tx.connection(), "INSERT INTO claims (claim_key, claimed_at) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING", key, backend.clock().instant())) == 1;
    }

    @Override
    public long purgeClaimsBefore(Instant cutoff) {
        return Purge.inBatches(db, tx -> Sql.update(tx.connection(), "DELETE FROM claims WHERE claim_key IN"
                + " (SELECT claim_key FROM claims WHERE claimed_at < ? LIMIT ?" + backend.skipLocked() + ")",
                cutoff, Purge.BATCH));
    }
}
