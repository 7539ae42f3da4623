package it.pecgateway.mailstore.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.MailboxChange;
import it.pecgateway.mailstore.PasswordHasher;
import it.pecgateway.mailstore.jdbc.Backend;
import it.pecgateway.mailstore.jdbc.Errors;
import it.pecgateway.mailstore.jdbc.GroupCommitWriter;
import it.pecgateway.mailstore.jdbc.JdbcMailStore;
import it.pecgateway.mailstore.jdbc.SqlWork;
import it.pecgateway.mailstore.jdbc.Tx;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store on a PostgreSQL server shared by several gateway nodes. Writes go through this node's
 * {@link GroupCommitWriter} on one connection: concurrent units share one commit and one turn at the legal log's
 * head row, which each batch locks first, so that the batches of all nodes follow each other without deadlocks. A unit that loses a deadlock or a
 * serialisation check is run again, up to three times. Reads use a HikariCP pool.
 */
public final class PostgresMailStore extends JdbcMailStore {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresMailStore.class);
    private static final int ATTEMPTS = 3;
    /** More savepoints per transaction would overflow PostgreSQL's subtransaction cache and slow every snapshot. */
    private static final int MAX_BATCH = 64;
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01");
    /** A body put but never referred to for this long was left by a failed request: no node still needs it. */
    private static final java.time.Duration ORPHAN_AGE = java.time.Duration.ofDays(1);

    private final HikariDataSource pool;
    private final String nodeId = UUID.randomUUID().toString();
    private final PgChangeListener listener;
    private final GroupCommitWriter writer;

    private PostgresMailStore(Backend backend, HikariDataSource pool, String url, Properties login) throws Exception {
        super(backend);
        this.pool = pool;
        this.listener = new PgChangeListener(nodeId, () -> DriverManager.getConnection(url, login), feed::publish,
                this::everythingMayHaveChanged);
        this.writer = new GroupCommitWriter("mailstore-pg-writer", () -> DriverManager.getConnection(url, login),
                MAX_BATCH, new GroupCommitWriter.Hooks() {
                    @Override
                    public <T> T run(Tx tx, SqlWork<T> work) {
                        return within(tx, work);
                    }

                    /**
                     * Every batch first takes the legal log's head row, so batches of all nodes run one after
                     * the other: nearly every batch appends to the log anyway, and without this order a batch
                     * holding the head while another holds a folder would deadlock (and stall a second).
                     */
                    @Override
                    public void beforeUnits(Connection c) throws SQLException {
                        try (java.sql.Statement st = c.createStatement()) {
                            st.execute("SELECT seq FROM legal_log_head WHERE id = 1 FOR UPDATE");
                        }
                    }

                    @Override
                    public boolean releaseSavepoints() {
                        return false;
                    }

                    @Override
                    public void beforeCommit(Connection c, List<Tx> committing) throws SQLException {
                        List<MailboxChange> changes = new ArrayList<>();
                        committing.forEach(tx -> changes.addAll(tx.changes()));
                        PgChangeListener.notify(c, nodeId, changes);
                    }

                    @Override
                    public void afterCommit(Connection c, List<Tx> committed) {
                        committed(committed);
                    }
                });
    }

    public static PostgresMailStore open(String url, String user, String password, int poolSize, Clock clock,
                                         PasswordHasher hasher) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("mailstore");
        HikariDataSource pool = null;
        try {
            pool = new HikariDataSource(config);
            Flyway.configure().dataSource(pool).locations("classpath:db/migration/postgresql").load().migrate();
            PgBlobStore.removeOrphans(pool, clock.instant().minus(ORPHAN_AGE));
            Properties login = new Properties();
            login.setProperty("user", user);
            login.setProperty("password", password);
            PostgresMailStore store = new PostgresMailStore(new Backend(clock, hasher, new PgBlobStore(clock),
                    " FOR UPDATE SKIP LOCKED"), pool, url, login);
            store.listener.start();
            return store;
        } catch (MailStoreException e) {
            closeQuietly(pool);
            throw e;
        } catch (Exception e) {
            closeQuietly(pool);
            throw Errors.unavailable(e);
        }
    }

    @Override
    protected <T> T runRead(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = Errors.call(work, new Tx(c));
                c.commit();
                return result;
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw Errors.unavailable(e);
        }
    }

    @Override
    protected <T> T runWrite(SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writer.submit(work);
            } catch (MailStoreException e) {
                if (attempt >= ATTEMPTS || !retryable(e)) {
                    throw e;
                }
                LOG.debug("transaction conflicted; running it again", e);
            }
        }
    }

    /**
     * After changes from other nodes were lost (a broken LISTEN connection): each watched mailbox's sessions read
     * their folder again (FoldersChanged) and their account again (AccountChanged), as if both had changed.
     */
    private void everythingMayHaveChanged() {
        List<MailboxChange> all = new ArrayList<>();
        for (long mailbox : feed.watchedMailboxes()) {
            all.add(new MailboxChange.FoldersChanged(mailbox));
            all.add(new MailboxChange.AccountChanged(mailbox));
        }
        feed.publish(all);
    }

    /**
     * On the writer thread, after a commit: remove the bodies let go of (so that a caller finds them gone when it
     * returns), then tell this node's listeners.
     */
    private void committed(List<Tx> txs) {
        List<MailboxChange> changes = new ArrayList<>();
        Set<Long> released = new TreeSet<>();
        for (Tx tx : txs) {
            tx.afterCommitActions().forEach(Runnable::run);
            changes.addAll(tx.changes());
            released.addAll(tx.releasedBlobs());
        }
        if (!released.isEmpty()) {
            collect(released);
        }
        feed.publish(changes);
    }

    /** Removes the released bodies nothing refers to any more, each in its own short transaction. */
    private void collect(Set<Long> released) {
        try (Connection c = pool.getConnection()) {
            for (long blobId : released) {
                try {
                    PgBlobStore.collect(c, blobId);
                } catch (SQLException e) {
                    LOG.warn("could not remove an unreferenced message body", e);
                }
            }
        } catch (SQLException e) {
            LOG.warn("could not remove unreferenced message bodies", e);
        }
    }

    private static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && RETRYABLE.contains(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        writer.close();
        listener.close();
        closeQuietly(pool);
    }

    private static void closeQuietly(HikariDataSource pool) {
        if (pool != null) {
            pool.close();
        }
    }
}
