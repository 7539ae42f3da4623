package it.pecgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.gateway.smtp.SmtpRole;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.MessageInfo;
import it.pecgateway.mailstore.NewMailbox;
import it.pecgateway.receipts.testing.OutsideTools;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composition root serves mailbox access: a PEC message submitted over SMTPS (Angus Mail) gets its acceptance
 * receipt, and that receipt read back over IMAPS and POP3S (Angus Mail) is byte for byte what the store holds, so
 * its S/MIME signature still verifies with openssl against the development CA.
 */
class GatewayAccessTest {
    static final String ADA = "ada@pec.localhost";
    static final String ADA_PASSWORD = "password-di-ada";

    @TempDir
    Path dir;
    Gateway gateway;

    Gateway start(String extraListeners) throws Exception {
        gateway = TestConfigs.startGateway(dir, extraListeners, Clock.systemUTC());
        for (String address : new String[] {ADA, "bruno@pec.localhost"}) {
            if (gateway.store().accounts().find(address).isEmpty()) {
                gateway.store().accounts().createMailbox(new NewMailbox(address, Optional.of(ADA_PASSWORD.toCharArray()),
                        MailboxState.ACTIVE, Optional.empty(), 0));
            }
        }
        return gateway;
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    int port(String listener) {
        return gateway.access().address(listener).orElseThrow().getPort();
    }

    @Test
    void theAcceptanceReadOverImapsAndPop3sIsTheStoredReceiptAndVerifiesWithOpenssl() throws Exception {
        start("");
        MailClients clients = new MailClients(gateway.keys().trustAnchors().get(0));

        String reply = clients.submit(gateway.transport().ports(SmtpRole.SUBMISSION).get(0), ADA, ADA_PASSWORD,
                clients.message(ADA, "bruno@pec.localhost", "Contratto firmato", "In allegato il contratto."));
        byte[] overImap = clients.fetch("imaps", port("imaps"), ADA, ADA_PASSWORD, 1);
        byte[] overPop3 = clients.fetch("pop3s", port("pop3s"), ADA, ADA_PASSWORD, 1);

        assertThat(reply).startsWith("250 2.0.0 opec.");
        byte[] stored = firstInInbox(gateway.store(), ADA);
        assertThat(new String(stored, StandardCharsets.US_ASCII)).contains("X-Ricevuta: accettazione",
                "Subject: ACCETTAZIONE: Contratto firmato");
        assertThat(overImap).as("IMAPS BODY[]").isEqualTo(stored);
        assertThat(overPop3).as("POP3S RETR").isEqualTo(stored);
        Path received = Files.write(dir.resolve("accettazione.eml"), overImap);
        OutsideTools.Result verified = OutsideTools.opensslVerify(received, dir.resolve("data/pki/ca.pem"));
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Verification successful");
    }

    @Test
    void imapWithStarttlsOn143IsServedOnlyWhenEnabled() throws Exception {
        start("  imap: {enabled: true, address: 127.0.0.1, port: 0, tls: starttls-required}\n");

        try (Socket socket = new Socket("127.0.0.1", port("imap"))) {
            String greeting = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(greeting).startsWith("* OK [CAPABILITY ").contains("STARTTLS", "LOGINDISABLED");
        }
        assertThat(gateway.access().description()).contains("imap 127.0.0.1:" + port("imap") + " (IMAP, TLS: starttls-required)");
        gateway.close();

        start("");
        assertThat(gateway.access().address("imap")).isEmpty();
        assertThat(gateway.access().description())
                .isEqualTo("mail access: imaps 127.0.0.1:" + port("imaps") + " (IMAP, TLS: implicit), pop3s 127.0.0.1:"
                        + port("pop3s") + " (POP3, TLS: implicit)");
    }

    static byte[] firstInInbox(MailStore store, String address) throws Exception {
        long mailbox = store.accounts().find(address).orElseThrow().id();
        long inbox = store.folders().find(mailbox, "INBOX").orElseThrow().id();
        MessageInfo first = store.messages().list(inbox, 1, Long.MAX_VALUE).get(0);
        try (InputStream in = store.blobs().open(first.body())) {
            return in.readAllBytes();
        }
    }
}
