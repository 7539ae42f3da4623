package it.pecgateway.mailstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pecgateway.config.StorageConfig;
import it.pecgateway.mailstore.postgres.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailStoresTest {
    private static final StorageConfig.Retention RETENTION =
            new StorageConfig.Retention(Duration.ofDays(30), Duration.ofDays(30));

    @TempDir
    Path dir;

    @AfterAll
    static void stopServer() {
        PostgresServer.stop();
    }

    @Test
    void theEmbeddedKindOpensSqliteInTheConfiguredDirectory() {
        StorageConfig config = new StorageConfig(StorageConfig.Kind.EMBEDDED, dir.resolve("store"), Optional.empty(),
                Optional.empty(), Optional.empty(), 4, RETENTION);
        try (MailStore store = MailStores.open(config, Clock.systemUTC())) {
            store.accounts().addDomain("pec.example");
        }
        assertThat(dir.resolve("store/mailstore.db")).exists();
        try (MailStore store = MailStores.open(config, Clock.systemUTC())) {
            assertThat(store.accounts().domains()).containsExactly("pec.example");
        }
    }

    @Test
    void thePostgresqlKindReadsThePasswordFromItsFile() throws Exception {
        Path passwordFile = Files.writeString(dir.resolve("pg-password"), "not-needed-with-trust\n");
        StorageConfig config = new StorageConfig(StorageConfig.Kind.POSTGRESQL, dir, Optional.of(PostgresServer.emptyDatabase()),
                Optional.of("postgres"), Optional.of(passwordFile), 4, RETENTION);
        try (MailStore store = MailStores.open(config, Clock.systemUTC())) {
            store.accounts().addDomain("pec.example");
            assertThat(store.accounts().hostsDomain("pec.example")).isTrue();
        }
    }

    @Test
    void aMissingPostgresqlUrlIsAnInvalidConfiguration() {
        StorageConfig config = new StorageConfig(StorageConfig.Kind.POSTGRESQL, dir, Optional.empty(),
                Optional.of("postgres"), Optional.empty(), 4, RETENTION);
        assertThatThrownBy(() -> MailStores.open(config, Clock.systemUTC())).isInstanceOfSatisfying(
                MailStoreException.class, e -> assertThat(e.reason()).isEqualTo(MailStoreException.Reason.INVALID));
    }
}
