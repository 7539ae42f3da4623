package it.pecgateway.mailstore.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pecgateway.mailstore.BlobId;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.CountingHasher;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.NewMailbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the embedded backend has: its directory, its pragmas, its body files. */
class SqliteStoreFilesTest {
    @TempDir
    Path dir;

    private MailStore open() {
        return SqliteMailStore.open(dir, Clock.systemUTC(), new CountingHasher());
    }

    @Test
    void theDatabaseIsInWalModeWithFullSynchronousCommits() throws Exception {
        open().close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("mailstore.db"));
             ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
        try (MailStore store = open()) {
            // synchronous is per connection: read it through the store's own writer
            SqliteMailStore s = (SqliteMailStore) store;
            assertThat(s.writerPragma("synchronous")).isEqualTo("2");
        }
    }

    @Test
    void aSecondProcessCannotOpenTheSameDirectory() {
        try (MailStore first = open()) {
            assertThat(first.accounts().domains()).isEmpty();
            assertThatThrownBy(this::open).isInstanceOfSatisfying(MailStoreException.class,
                    e -> assertThat(e.reason()).isEqualTo(MailStoreException.Reason.UNAVAILABLE));
        }
    }

    @Test
    void dataSurvivesAReopenAndOrphanBodiesAreRemoved() throws Exception {
        BlobId orphan;
        BlobId largeOrphan;
        long folderId;
        try (MailStore store = open()) {
            store.accounts().addDomain("pec.example");
            long mailbox = store.accounts().createMailbox(new NewMailbox("a@pec.example", Optional.empty(),
                    MailboxState.ACTIVE, Optional.empty(), 0)).id();
            folderId = store.folders().find(mailbox, "INBOX").orElseThrow().id();
            store.messages().append(folderId, BodySource.of(new byte[] {1, 2, 3}), Set.of(), Instant.now());
            orphan = store.blobs().put(BodySource.of(new byte[] {9}));
            largeOrphan = store.blobs().put(BodySource.of(new byte[100_000]));
            assertThat(store.blobs().size(largeOrphan)).isEqualTo(100_000);
        }
        assertThat(Files.list(dir.resolve("blobs").resolve(String.format("%02x", largeOrphan.value() & 0xff))))
                .hasSize(1);
        Files.createDirectories(dir.resolve("blobs/09"));
        Files.writeString(dir.resolve("blobs/09/777.tmp"), "half written");
        try (MailStore store = open()) {
            assertThat(store.messages().uids(folderId)).containsExactly(1L);
            assertThatThrownBy(() -> store.blobs().open(orphan)).isInstanceOf(MailStoreException.class);
            assertThatThrownBy(() -> store.blobs().open(largeOrphan)).isInstanceOf(MailStoreException.class);
            assertThat(Files.list(dir.resolve("blobs").resolve(String.format("%02x", largeOrphan.value() & 0xff))))
                    .isEmpty();
            assertThat(dir.resolve("blobs/09/777.tmp")).doesNotExist();
            BlobId fresh = store.blobs().put(BodySource.of(new byte[] {7}));
            assertThat(fresh.value()).isGreaterThan(largeOrphan.value());
        }
    }
}
