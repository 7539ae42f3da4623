package it.pecgateway.gateway.pec;

import static it.pecgateway.gateway.pec.PecMail.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import it.pecgateway.certs.Fingerprints;
import it.pecgateway.certs.ProviderEntry;
import it.pecgateway.certs.ProvidersIndexLdifWriter;
import it.pecgateway.config.RelayConfig;
import it.pecgateway.mailstore.DeliveryTracking;
import jakarta.mail.Session;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Providers A and B, each with its own development PKI, store and listeners, each in the other's index, with
 * static routes to each other's port-25 listener; GreenMail plays the ordinary Internet. Real clients over TLS.
 */
class TwoProvidersTest {
    static final String PASSWORD = "una password lunga abbastanza";
    static GreenMail internet;
    static PecNode a;
    static PecNode b;
    static Session client;

    @BeforeAll
    static void start() throws Exception {
        internet = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        internet.start();
        int internetPort = internet.getSmtp().getPort();
        int bPort = PecNode.freePort();
        int aPort = PecNode.freePort();
        a = new PecNode("A", "pec.a.example", Map.of("pec.b.example", new RelayConfig.Route("localhost", bPort),
                "internet.example", new RelayConfig.Route("127.0.0.1", internetPort)), PecNode.defaultTimers(), aPort);
        b = new PecNode("B", "pec.b.example", Map.of("pec.a.example", new RelayConfig.Route("localhost", aPort)),
                PecNode.defaultTimers(), bPort);
        Files.writeString(a.dataDir.resolve("index.ldif"), ProvidersIndexLdifWriter.write(List.of(entryOf(b))));
        Files.writeString(b.dataDir.resolve("index.ldif"), ProvidersIndexLdifWriter.write(List.of(entryOf(a))));
        a.start(List.of(b.ca()));
        b.start(List.of(a.ca()));
        a.mailbox("mario@pec.a.example", PASSWORD);
        a.mailbox("anna@pec.a.example", PASSWORD);
        b.mailbox("bianca@pec.b.example", PASSWORD);
        b.mailbox("bruno@pec.b.example", PASSWORD);
        client = PecMail.session(a.smtps(), PecNode.trusting(List.of(a.ca())));
    }

    static ProviderEntry entryOf(PecNode n) {
        return new ProviderEntry(n.config.provider().name(), n.config.provider().serviceAddress(), Set.of(n.domain),
                List.of(n.keys.signing().certificate()), Set.of(Fingerprints.sha1Hex(n.keys.signing().certificate())));
    }

    @AfterAll
    static void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        internet.stop();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    static int count(PecNode n, String address) {
        try {
            return n.inbox(address).size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> withHeader(List<byte[]> messages, String header) {
        return messages.stream().map(PecMail::text).filter(t -> t.contains("\r\n" + header) || t.startsWith(header)).toList();
    }

    @Test
    void aToBWithToAndCcGivesAcceptanceTakeInChargeAndOneDeliveryReceiptPerRecipientInTheRightForm() throws Exception {
        int mario = count(a, "mario@pec.a.example");
        int service = count(a, "posta-certificata@pec.a.example");

        String reply = PecMail.send(client, a.smtps(), "mario@pec.a.example", PASSWORD,
                PecMail.message(client, "mario@pec.a.example", "bianca@pec.b.example", "bruno@pec.b.example", "Contratto"));

        assertThat(reply).startsWith("250 2.0.0 opec.");
        String id = reply.substring("250 2.0.0 ".length());
        await("acceptance and two delivery receipts", () -> count(a, "mario@pec.a.example") >= mario + 3);
        await("the take-in-charge receipt", () -> count(a, "posta-certificata@pec.a.example") >= service + 1);
        await("tracking closed", () -> a.store.tracking().forReference(id).stream().allMatch(t -> t.deliveredAt() != null));

        List<byte[]> inbox = a.inbox("mario@pec.a.example").subList(mario, mario + 3);
        List<String> acceptance = withHeader(inbox, "X-Ricevuta: accettazione");
        List<String> deliveries = withHeader(inbox, "X-Ricevuta: avvenuta-consegna");
        assertThat(acceptance).hasSize(1);
        assertThat(deliveries).hasSize(2);
        assertThat(deliveries).filteredOn(t -> t.contains("postacert.eml")).hasSize(1)
                .allMatch(t -> t.contains("bianca@pec.b.example"));
        assertThat(withHeader(a.inbox("posta-certificata@pec.a.example").subList(service, service + 1),
                "X-Ricevuta: presa-in-carico")).hasSize(1);
        byte[] bianca = a.inbox("mario@pec.a.example").get(0);
        assertThat(withHeader(b.inbox("bianca@pec.b.example"), "X-Trasporto: posta-certificata")).anyMatch(t -> t.contains(id));
        assertThat(withHeader(b.inbox("bruno@pec.b.example"), "X-Trasporto: posta-certificata")).anyMatch(t -> t.contains(id));
        List<DeliveryTracking.Tracked> tracked = a.store.tracking().forReference(id);
        assertThat(tracked).extracting(DeliveryTracking.Tracked::recipient)
                .containsExactlyInAnyOrder("bianca@pec.b.example", "bruno@pec.b.example");
        assertThat(tracked).allMatch(t -> t.takenInChargeAt() != null);

        PecCheck.assertPasses(a.ca(), List.of(inbox.get(0)));
        PecCheck.assertPasses(b.ca(), deliveries.stream().map(s -> s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).toList());
        PecCheck.assertPasses(a.ca(), List.of(b.inbox("bianca@pec.b.example").get(b.inbox("bianca@pec.b.example").size() - 1)));
        assertThat(bianca).isNotEmpty();
        assertThat(a.store.legalLog().verify().intact()).isTrue();
        assertThat(b.store.legalLog().verify().intact()).isTrue();
    }
}
