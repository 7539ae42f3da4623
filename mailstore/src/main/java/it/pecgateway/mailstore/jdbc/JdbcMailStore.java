package it.pecgateway.mailstore.jdbc;

import it.pecgateway.mailstore.Accounts;
import it.pecgateway.mailstore.Blobs;
import it.pecgateway.mailstore.ChangeFeed;
import it.pecgateway.mailstore.Credentials;
import it.pecgateway.mailstore.DeliveryTracking;
import it.pecgateway.mailstore.Folders;
import it.pecgateway.mailstore.LegalLog;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.Messages;
import it.pecgateway.mailstore.OutboundQueue;
import it.pecgateway.mailstore.StoreSession;
import java.time.Instant;
import java.util.function.Function;

/**
 * What both backends share: the operations outside {@link #inTransaction} each run as their own read or write,
 * and any call made while a transaction is open on this thread (nested {@code inTransaction}, or the store used
 * instead of the session) joins that transaction.
 */
public abstract class JdbcMailStore implements MailStore {
    private final ThreadLocal<Tx> current = new ThreadLocal<>();
    protected final Backend backend;
    protected final LocalChangeFeed feed = new LocalChangeFeed();
    private final JdbcSession own;

    protected JdbcMailStore(Backend backend) {
        this.backend = backend;
        this.own = new JdbcSession(new Db() {
            @Override
            public <T> T read(SqlWork<T> work) {
                Tx tx = current.get();
                return tx != null ? Errors.call(work, tx) : runRead(work);
            }

            @Override
            public <T> T write(SqlWork<T> work) {
                Tx tx = current.get();
                return tx != null ? Errors.call(work, tx) : runWrite(work);
            }
        }, backend);
    }

    /** Runs a read on its own snapshot. */
    protected abstract <T> T runRead(SqlWork<T> work);

    /** Runs a write as one transaction; returns once it is durable and its changes are published. */
    protected abstract <T> T runWrite(SqlWork<T> work);

    /** Runs {@code work} with {@code tx} as this thread's open transaction. Backends call it around each unit. */
    protected final <T> T within(Tx tx, SqlWork<T> work) {
        Tx outer = current.get();
        current.set(tx);
        try {
            return Errors.call(work, tx);
        } finally {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }

    @Override
    public <T> T inTransaction(Function<StoreSession, T> work) {
        Tx tx = current.get();
        if (tx != null) {
            return work.apply(new JdbcSession(new TxDb(tx), backend));
        }
        return runWrite(t -> work.apply(new JdbcSession(new TxDb(t), backend)));
    }

    @Override
    public ChangeFeed changes() {
        return feed;
    }

    @Override
    public Accounts accounts() {
        return own.accounts();
    }

    @Override
    public Folders folders() {
        return own.folders();
    }

    @Override
    public Messages messages() {
        return own.messages();
    }

    @Override
    public Blobs blobs() {
        return own.blobs();
    }

    @Override
    public OutboundQueue queue() {
        return own.queue();
    }

    @Override
    public DeliveryTracking tracking() {
        return own.tracking();
    }

    @Override
    public LegalLog legalLog() {
        return own.legalLog();
    }

    @Override
    public Credentials credentials() {
        return own.credentials();
    }

    @Override
    public boolean claimOnce(String key) {
        return own.claimOnce(key);
    }

    @Override
    public long purgeClaimsBefore(Instant cutoff) {
        return own.purgeClaimsBefore(cutoff);
    }
}
