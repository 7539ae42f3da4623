package it.pecgateway.mailstore.jdbc;

import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.MailStoreException.Reason;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer of a store (of a node, on PostgreSQL), with group commit: it takes every unit waiting in its queue,
 * runs each in its own savepoint of one transaction (a failing unit rolls back alone) and commits them together,
 * so that concurrent writers share one sync and, on PostgreSQL, one turn at the legal log's head row. A caller
 * returns only after the commit is durable.
 */
public final class GroupCommitWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

    /** What the store does around the units of a batch, on the writer thread. */
    public interface Hooks {
        /** Runs a unit with its transaction open on the writer thread. */
        <T> T run(Tx tx, SqlWork<T> work);

        /**
         * Whether each unit's savepoint is released after it (SQLite: cheap, keeps the savepoint stack flat);
         * PostgreSQL saves a round trip per unit without it (batches stay under 64 savepoints).
         */
        default boolean releaseSavepoints() {
            return true;
        }

        /** Inside the batch's transaction, before its first unit (for example a lock that orders batches). */
        default void beforeUnits(Connection c) throws SQLException {
        }

        /** Inside the batch's transaction, after its last unit (for example NOTIFY). */
        void beforeCommit(Connection c, List<Tx> committing) throws SQLException;

        /** After the commit, before the callers are told. */
        void afterCommit(Connection c, List<Tx> committed);
    }

    private record Unit<T>(SqlWork<T> work, CompletableFuture<T> result) { }

    private record Done(Unit<Object> unit, Tx tx, Object value) { }

    /** Queued by {@link #close()}: the units queued before it still run. */
    private static final Unit<Object> STOP = new Unit<>(tx -> null, new CompletableFuture<>());

    private final Callable<Connection> opener;
    private final int maxBatch;
    private final Hooks hooks;
    private final BlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private Connection connection;

    /**
     * @param opener   opens the writer's connection, again after it broke
     * @param maxBatch units per transaction (PostgreSQL: at most 64, above which subtransactions overflow)
     */
    public GroupCommitWriter(String name, Callable<Connection> opener, int maxBatch, Hooks hooks) throws Exception {
        this.opener = opener;
        this.maxBatch = maxBatch;
        this.hooks = hooks;
        this.connection = open();
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    private Connection open() throws Exception {
        Connection c = opener.call();
        c.setAutoCommit(false);
        return c;
    }

    public <T> T submit(SqlWork<T> work) {
        Unit<T> unit = new Unit<>(work, new CompletableFuture<>());
        if (closed) {
            throw new MailStoreException(Reason.UNAVAILABLE, "the store is closed");
        }
        queue.add(unit);
        if (!thread.isAlive() && queue.remove(unit)) {
            throw new MailStoreException(Reason.UNAVAILABLE, "the store is closed");
        }
        return await(unit.result());
    }

    /** Waits for the outcome even when interrupted: the unit may commit, and the caller must know. */
    private static <T> T await(CompletableFuture<T> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw Errors.unavailable((Exception) cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        List<Unit<?>> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, maxBatch - 1);
                stopping = batch.remove(STOP);
                if (!batch.isEmpty()) {
                    runBatch(batch);
                }
            } catch (InterruptedException e) {
                stopping = true;
            } catch (RuntimeException | Error e) {
                LOG.error("the store writer failed a batch", e);
                batch.forEach(u -> u.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void runBatch(List<Unit<?>> batch) {
        List<Done> done = new ArrayList<>(batch.size());
        boolean release = hooks.releaseSavepoints();
        try (Statement st = connection.createStatement()) {
            hooks.beforeUnits(connection);
            for (Unit<?> u : batch) {
                Unit<Object> unit = (Unit<Object>) u;
                st.execute("SAVEPOINT unit");
                Tx tx = new Tx(connection);
                try {
                    Object value = hooks.run(tx, unit.work());
                    if (release) {
                        st.execute("RELEASE unit");
                    }
                    done.add(new Done(unit, tx, value));
                } catch (RuntimeException | Error e) {
                    st.execute("ROLLBACK TO unit");
                    if (release) {
                        st.execute("RELEASE unit");
                    }
                    unit.result().completeExceptionally(e);
                }
            }
            List<Tx> committing = done.stream().map(Done::tx).toList();
            hooks.beforeCommit(connection, committing);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            // nothing of this batch may reach the next one's commit
            rollbackQuietly();
            MailStoreException failure = e instanceof MailStoreException m ? m : Errors.unavailable(e);
            done.forEach(d -> d.unit().result().completeExceptionally(failure));
            batch.forEach(u -> u.result().completeExceptionally(failure));
            reopenIfBroken();
            return;
        }
        try {
            hooks.afterCommit(connection, done.stream().map(Done::tx).toList());
        } catch (RuntimeException e) {
            LOG.error("after-commit work failed; the commit itself stands", e);
        }
        done.forEach(d -> d.unit().result().complete(d.value()));
    }

    /** After a failed batch: a connection that no longer works is replaced before the next batch. */
    private void reopenIfBroken() {
        try {
            if (connection.isValid(5)) {
                return;
            }
        } catch (SQLException e) {
            // replaced below
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // broken anyway
        }
        try {
            connection = open();
        } catch (Exception e) {
            LOG.error("cannot reopen the store's writer connection; the next batch tries again", e);
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.error("rollback failed", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        MailStoreException closedFailure = new MailStoreException(Reason.UNAVAILABLE, "the store is closed");
        for (Unit<?> u; (u = queue.poll()) != null; ) {
            u.result().completeExceptionally(closedFailure);
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
