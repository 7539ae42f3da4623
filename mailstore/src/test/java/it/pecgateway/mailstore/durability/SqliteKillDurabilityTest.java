package it.pecgateway.mailstore.durability;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MessageInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

class SqliteKillDurabilityTest extends KillDurabilityContract {
    @TempDir
    Path dir;

    @Override
    protected String emptyStoreSpec() {
        return "sqlite:" + dir;
    }

    /**
     * After the reopen, the bodies (files and inline rows) are exactly the referenced bodies: no orphan, no temp
     * file.
     */
    @Override
    protected void checkBackendSpecifics(MailStore store) {
        Set<Long> referenced = new HashSet<>();
        store.accounts().list(java.util.Optional.empty()).forEach(m -> store.folders().list(m.id()).forEach(f ->
                store.messages().list(f.id(), 1, Long.MAX_VALUE).stream().map(MessageInfo::body)
                        .forEach(b -> referenced.add(b.value()))));
        store.queue().pending(Integer.MAX_VALUE).forEach(e -> referenced.add(e.body().value()));
        Set<Long> files = new HashSet<>();
        try (Stream<Path> all = Files.walk(dir.resolve("blobs"))) {
            all.filter(Files::isRegularFile).forEach(p -> files.add(Long.parseLong(p.getFileName().toString())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("mailstore.db"));
             ResultSet rs = c.createStatement().executeQuery("SELECT id FROM inline_blobs")) {
            while (rs.next()) {
                assertThat(files.add(rs.getLong(1))).isTrue();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(files).isEqualTo(referenced);
        assertThat(files.size()).isGreaterThan(referenced.size() / 2);
    }
}
