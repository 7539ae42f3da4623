package it.pecgateway.mailstore.sqlite;

import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.MailStoreException.Reason;
import it.pecgateway.mailstore.MailboxChange;
import it.pecgateway.mailstore.PasswordHasher;
import it.pecgateway.mailstore.jdbc.Backend;
import it.pecgateway.mailstore.jdbc.Errors;
import it.pecgateway.mailstore.jdbc.GroupCommitWriter;
import it.pecgateway.mailstore.jdbc.JdbcMailStore;
import it.pecgateway.mailstore.jdbc.SqlWork;
import it.pecgateway.mailstore.jdbc.Tx;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded store: {@code <dir>/mailstore.db} (SQLite, WAL, {@code synchronous=FULL}), {@code <dir>/blobs/}
 * (bodies) and {@code <dir>/store.lock}, which keeps a second process from opening the same directory.
 */
public final class SqliteMailStore extends JdbcMailStore {
    private static final int READERS = 4;

    private static final int MAX_BATCH = 1000;

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final FileBlobStore blobs;
    private final GroupCommitWriter writer;
    private final ReadPool readers;

    private SqliteMailStore(Backend backend, FileChannel lockChannel, FileLock lock, FileBlobStore blobs, String url)
            throws Exception {
        super(backend);
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.blobs = blobs;
        this.readers = new ReadPool(READERS, () -> reader(url));
        this.writer = new GroupCommitWriter("mailstore-sqlite-writer", () -> writerConfig().createConnection(url),
                MAX_BATCH, new GroupCommitWriter.Hooks() {
                    @Override
                    public <T> T run(Tx tx, SqlWork<T> work) {
                        return within(tx, work);
                    }

                    @Override
                    public void beforeCommit(Connection c, List<Tx> committing) {
                        // nothing: listeners in this process are told after the commit
                    }

                    @Override
                    public void afterCommit(Connection c, List<Tx> committed) {
                        committed(c, committed);
                    }
                });
    }

    public static SqliteMailStore open(Path dir, Clock clock, PasswordHasher hasher) {
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve("store.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = lockChannel.tryLock();
            if (lock == null) {
                throw new MailStoreException(Reason.UNAVAILABLE, "the store directory is in use by another process");
            }
            String url = "jdbc:sqlite:" + dir.resolve("mailstore.db").toAbsolutePath();
            migrate(url);
            FileBlobStore blobs;
            try (Connection c = writerConfig().createConnection(url)) {
                blobs = FileBlobStore.open(dir.resolve("blobs"), c);
            }
            FileBlobStore.fsyncDirectory(dir);
            return new SqliteMailStore(new Backend(clock, hasher, blobs, ""), lockChannel, lock, blobs, url);
        } catch (MailStoreException e) {
            closeQuietly(lockChannel);
            throw e;
        } catch (Exception e) {
            closeQuietly(lockChannel);
            throw Errors.unavailable(e);
        }
    }

    private static void migrate(String url) {
        SQLiteDataSource ds = new SQLiteDataSource(writerConfig());
        ds.setUrl(url);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/sqlite").load().migrate();
    }

    private static SQLiteConfig writerConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(30_000);
        return config;
    }

    private static Connection reader(String url) throws SQLException {
        Connection c = writerConfig().createConnection(url);
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("PRAGMA query_only = 1");
        }
        return c;
    }

    @Override
    protected <T> T runRead(SqlWork<T> work) {
        return readers.read(work);
    }

    @Override
    protected <T> T runWrite(SqlWork<T> work) {
        return writer.submit(work);
    }

    /** On the writer thread, right after a commit: remove bodies nothing refers to, then tell the listeners. */
    private void committed(Connection writerConnection, List<Tx> txs) {
        List<Long> released = new ArrayList<>();
        List<MailboxChange> changes = new ArrayList<>();
        for (Tx tx : txs) {
            released.addAll(tx.releasedBlobs());
            changes.addAll(tx.changes());
            tx.afterCommitActions().forEach(Runnable::run);
        }
        if (!released.isEmpty()) {
            try {
                blobs.collect(writerConnection, released);
                writerConnection.commit();
            } catch (SQLException e) {
                throw Errors.unavailable(e);
            }
        }
        feed.publish(changes);
    }

    /** A pragma of the writer connection, as SQLite reports it (for tests and diagnostics). */
    public String writerPragma(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a pragma name");
        }
        return writer.submit(tx -> {
            try (java.sql.Statement st = tx.connection().createStatement();
                 java.sql.ResultSet rs = st.executeQuery("PRAGMA " + name)) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    @Override
    public void close() {
        writer.close();
        readers.close();
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel close below releases it as well
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
