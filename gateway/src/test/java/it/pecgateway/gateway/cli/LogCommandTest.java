package it.pecgateway.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.pecgateway.config.DevProfile;
import it.pecgateway.mailstore.LogEvent;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code log query|export|verify} on the development store (no gateway running: the CLI opens the store). */
class LogCommandTest {
    @TempDir
    Path dir;

    Cli cli() {
        return new Cli(dir);
    }

    @BeforeEach
    void threeRecords() {
        try (MailStore store = MailStores.open(DevProfile.config(dir).storage(), Clock.systemUTC())) {
            store.legalLog().append(event("opec.1@pec.localhost", "2026-11-24T09:00:00Z", "accettazione", "alice@pec.localhost", "bob@pec.example.org"));
            store.legalLog().append(event("opec.1@pec.localhost", "2026-11-24T09:00:01Z", "consegna", "alice@pec.localhost", "bob@pec.example.org"));
            store.legalLog().append(event("opec.2@pec.localhost", "2026-11-26T09:00:00Z", "accettazione", "carol@pec.localhost", "dave@example.org"));
        }
    }

    static LogEvent event(String id, String time, String type, String sender, String recipient) {
        return new LogEvent(id, Instant.parse(time), type, sender, List.of(recipient), "Subject " + id, List.of("<m." + type + "@x>"),
                Optional.empty(), Optional.empty());
    }

    @Test
    void queryPrintsOneLinePerMatchingRecord() {
        Cli.Result byId = cli().run("log", "query", "--id", "opec.1@pec.localhost");
        Cli.Result byAddressAndDay = cli().run("log", "query", "--address", "BOB@pec.example.org", "--from", "2026-11-24", "--to", "2026-11-24");
        Cli.Result none = cli().run("log", "query", "--address", "bob@pec.example.org", "--from", "2026-11-25");

        assertThat(byId.status()).as(byId.err()).isZero();
        assertThat(byId.out().lines()).hasSize(2).first().asString()
                .isEqualTo("1\t2026-11-24T09:00:00Z\taccettazione\topec.1@pec.localhost\talice@pec.localhost -> bob@pec.example.org"
                        + "\tSubject opec.1@pec.localhost");
        assertThat(byAddressAndDay.out().lines()).hasSize(2);
        assertThat(none.status()).isZero();
        assertThat(none.out()).isEmpty();
    }

    @Test
    void exportWritesJsonOrCsvToStdoutOrAFile() throws Exception {
        Cli.Result json = cli().run("log", "export", "--format", "json", "--address", "carol@pec.localhost");
        Cli.Result csv = cli().run("log", "export", "--format", "csv", "--output", "extract.csv");

        JsonNode records = new ObjectMapper().readTree(json.out());
        assertThat(records).hasSize(1);
        assertThat(records.get(0).get("identificativo").asText()).isEqualTo("opec.2@pec.localhost");
        assertThat(csv.status()).as(csv.err()).isZero();
        assertThat(csv.out()).isEmpty();
        assertThat(Files.readAllLines(dir.resolve("extract.csv"))).hasSize(4).first().asString().startsWith("sequence,time,");
    }

    @Test
    void anExportIntoAFolderThatDoesNotExistSaysSo() {
        Cli.Result r = cli().run("log", "export", "--output", "manca/estratto.json");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).endsWith("pec-gateway: " + dir.resolve("manca/estratto.json") + ": no such file or directory\n");
    }

    @Test
    void badFiltersExitWith2() {
        Cli.Result bad = cli().run("log", "query", "--from", "yesterday");
        Cli.Result format = cli().run("log", "export", "--format", "xml");

        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("from: 'yesterday' is not a date");
        assertThat(format.status()).isEqualTo(2);
    }

    @Test
    void verifySaysIntactWithStatus0AndWhereItBrokeWithStatus1() throws Exception {
        Cli.Result intact = cli().run("log", "verify");
        assertThat(intact.status()).isZero();
        assertThat(intact.out()).isEqualTo("legal log intact: 3 records checked\n");

        Path db = DevProfile.config(dir).storage().embeddedPath().resolve("mailstore.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().executeUpdate("UPDATE legal_log SET subject = 'changed' WHERE seq = 2");
        }
        Cli.Result broken = cli().run("log", "verify");

        assertThat(broken.status()).isEqualTo(1);
        assertThat(broken.out()).isEqualTo("legal log BROKEN at sequence 2: record was changed (2 records read)\n");
    }
}
