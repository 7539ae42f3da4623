package it.pecgateway.mailstore.sqlite;

import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStoreContract;
import it.pecgateway.mailstore.MutableClock;
import it.pecgateway.mailstore.PasswordHasher;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;

class SqliteMailStoreTest extends MailStoreContract {
    @TempDir
    Path dir;

    @Override
    protected MailStore openStore(MutableClock clock, PasswordHasher hasher) {
        return SqliteMailStore.open(dir, clock, hasher);
    }

    @Override
    protected void executeSql(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("mailstore.db"));
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
