package it.pecgateway.mailstore.postgres;

import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStoreContract;
import it.pecgateway.mailstore.MutableClock;
import it.pecgateway.mailstore.PasswordHasher;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;

class PostgresMailStoreTest extends MailStoreContract {
    private String url;

    @AfterAll
    static void stopServer() {
        PostgresServer.stop();
    }

    @Override
    protected MailStore openStore(MutableClock clock, PasswordHasher hasher) {
        url = PostgresServer.emptyDatabase();
        return PostgresMailStore.open(url, "postgres", "", 4, clock, hasher);
    }

    @Override
    protected void executeSql(String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
