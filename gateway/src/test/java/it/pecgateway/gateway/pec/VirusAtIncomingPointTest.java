package it.pecgateway.gateway.pec;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.certs.ProvidersIndexLdifWriter;
import it.pecgateway.config.AntivirusConfig;
import it.pecgateway.config.RelayConfig;
import it.pecgateway.gateway.antivirus.FakeClamd;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Digest 9.6 at the recipient's side: B finds a virus in A's valid envelope, keeps it 30 months, sends a virus
 * detection notice to A's service mailbox; A then tells its user with a non-delivery notice for virus (5.10).
 */
class VirusAtIncomingPointTest {

    @Test
    void aVirusFoundByTheRecipientProviderComesBackToTheSenderAsANonDeliveryForVirus() throws Exception {
        int aPort = PecNode.freePort();
        int bPort = PecNode.freePort();
        try (FakeClamd clamd = new FakeClamd(20 << 20);
             PecNode a = new PecNode("A", "pec.a.example", Map.of("pec.b.example", new RelayConfig.Route("localhost", bPort)),
                     PecNode.defaultTimers(), aPort);
             PecNode b = new PecNode("B", "pec.b.example", Map.of("pec.a.example", new RelayConfig.Route("localhost", aPort)),
                     PecNode.defaultTimers(), bPort, new AntivirusConfig(true, "127.0.0.1", clamd.port(), Duration.ofSeconds(5)))) {
            Files.writeString(a.dataDir.resolve("index.ldif"), ProvidersIndexLdifWriter.write(List.of(TwoProvidersTest.entryOf(b))));
            Files.writeString(b.dataDir.resolve("index.ldif"), ProvidersIndexLdifWriter.write(List.of(TwoProvidersTest.entryOf(a))));
            a.start(List.of(b.ca()));
            b.start(List.of(a.ca()));
            a.mailbox("mario@pec.a.example", TwoProvidersTest.PASSWORD);
            b.mailbox("bianca@pec.b.example", TwoProvidersTest.PASSWORD);
            Session client = PecMail.session(a.smtps(), PecNode.trusting(List.of(a.ca())));
            MimeMessage m = PecMail.message(client, "mario@pec.a.example", "bianca@pec.b.example", null, "Fattura");
            m.setText("allegato: " + FakeClamd.EICAR + "\n");

            String reply = PecMail.send(client, a.smtps(), "mario@pec.a.example", TwoProvidersTest.PASSWORD, m);

            assertThat(reply).startsWith("250 2.0.0 opec.");
            String id = reply.substring("250 2.0.0 ".length());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (a.inbox("mario@pec.a.example").size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            List<String> mario = a.inbox("mario@pec.a.example").stream().map(PecMail::text).toList();
            assertThat(mario).hasSize(2);
            assertThat(mario.get(1)).contains("X-Ricevuta: errore-consegna").contains("X-VerificaSicurezza: errore")
                    .contains("AVVISO DI MANCATA CONSEGNA PER VIRUS: Fattura");
            List<String> service = a.inbox("posta-certificata@pec.a.example").stream().map(PecMail::text).toList();
            assertThat(service).anyMatch(t -> t.contains("X-Ricevuta: rilevazione-virus") && t.contains("X-Mittente: mario@pec.a.example"));
            assertThat(b.inbox("bianca@pec.b.example")).isEmpty();
            assertThat(b.folder("posta-certificata@pec.b.example", "Archivio-virus")).hasSize(1);
            assertThat(a.store.tracking().forReference(id).get(0).closedAt()).isNotNull();
            PecCheck.assertPasses(a.ca(), List.of(mario.get(1).getBytes(StandardCharsets.ISO_8859_1)));
            PecCheck.assertPasses(b.ca(), service.stream().filter(t -> t.contains("rilevazione-virus"))
                    .map(t -> t.getBytes(StandardCharsets.ISO_8859_1)).toList());
        }
    }
}
