package it.pecgateway.mailstore.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the WAL into the database file on its own thread and connection. By default SQLite does it inside the
 * commit that crosses 1000 WAL pages, on the store's single writer: copying some 4 MB and syncing the database file
 * there held up every caller of that batch (the load harness saw commits of 50 to 150 ms). A PASSIVE checkpoint
 * here never blocks the writer or the readers; the writer still syncs the WAL at every commit, so durability does
 * not depend on it. After a complete checkpoint the writer starts the WAL over from its beginning.
 */
final class Checkpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
    static final Duration EVERY = Duration.ofMillis(200);

    private final Connection connection;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mailstore-sqlite-checkpoint");
        t.setDaemon(true);
        return t;
    });

    Checkpointer(Callable<Connection> opener) throws Exception {
        this.connection = opener.call();
        thread.scheduleWithFixedDelay(this::checkpoint, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkpoint() {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            LOG.warn("WAL checkpoint failed; the next one tries again", e);
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
