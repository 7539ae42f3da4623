package it.pecgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.config.ConfigLoader;
import it.pecgateway.gateway.smtp.SmtpRole;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.NewMailbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composition root serves the certified transport: a message submitted on 465 is accepted and delivered. */
class GatewayTransportTest {
    @TempDir
    Path dir;

    @Test
    void theStartedGatewayAcceptsAndDeliversACertifiedMessage() throws Exception {
        Path file = Files.writeString(dir.resolve("pec-gateway.yaml"), TestConfigs.loopbackOnPortZero("starttls-optional"));
        try (Gateway gateway = Gateway.start(ConfigLoader.load(file), Clock.systemUTC())) {
            gateway.store().accounts().createMailbox(new NewMailbox("ada@pec.localhost", Optional.of("password-di-ada".toCharArray()),
                    MailboxState.ACTIVE, Optional.empty(), 0));
            int port = gateway.transport().ports(SmtpRole.SUBMISSION).get(0);
            MailClients clients = new MailClients(gateway.keys().trustAnchors().get(0));

            String reply = clients.submit(port, "ada@pec.localhost", "password-di-ada",
                    clients.message("ada@pec.localhost", "ada@pec.localhost", "A me stessa", "prova"));

            assertThat(reply).startsWith("250 2.0.0 opec.");
            long mailbox = gateway.store().accounts().find("ada@pec.localhost").orElseThrow().id();
            long inbox = gateway.store().folders().find(mailbox, "INBOX").orElseThrow().id();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (gateway.store().folders().status(inbox).messages() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(gateway.store().folders().status(inbox).messages()).as("acceptance, envelope, delivery receipt").isEqualTo(3);
        }
    }
}
