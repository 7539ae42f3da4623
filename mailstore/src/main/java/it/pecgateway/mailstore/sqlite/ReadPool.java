package it.pecgateway.mailstore.sqlite;

import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.MailStoreException.Reason;
import it.pecgateway.mailstore.jdbc.Errors;
import it.pecgateway.mailstore.jdbc.SqlWork;
import it.pecgateway.mailstore.jdbc.Tx;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;

/**
 * Read-only connections; WAL lets them read while the writer commits. Each read runs in its own read
 * transaction, so that the queries of one operation see one snapshot.
 */
final class ReadPool implements AutoCloseable {
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all;

    ReadPool(int size, Callable<Connection> opener) throws Exception {
        idle = new ArrayBlockingQueue<>(size);
        List<Connection> opened = new java.util.ArrayList<>();
        for (int i = 0; i < size; i++) {
            Connection c = opener.call();
            c.setAutoCommit(false);
            opened.add(c);
            idle.add(c);
        }
        all = List.copyOf(opened);
    }

    <T> T read(SqlWork<T> work) {
        Connection c;
        try {
            c = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailStoreException(Reason.UNAVAILABLE, "interrupted while waiting for a connection");
        }
        try {
            T result = Errors.call(work, new Tx(c));
            c.commit();
            return result;
        } catch (SQLException e) {
            throw Errors.unavailable(e);
        } finally {
            try {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            } catch (SQLException ignored) {
                // a broken connection fails its next read the same way
            }
            idle.add(c);
        }
    }

    @Override
    public void close() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
