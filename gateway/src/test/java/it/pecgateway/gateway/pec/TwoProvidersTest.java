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
import it.pecgateway.mailstore.MailboxSettings;
import java.nio.file.Files;
import java.util.Optional;
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
        b = new PecNode("B", "pec.b.example", Map.of("pec.a.example", new RelayConfig.Route("localhost", aPort),
                "internet.example", new RelayConfig.Route("127.0.0.1", internetPort)),
                PecNode.defaultTimers(), bPort);
        Files.writeString(a.dataDir.resolve("index.ldif"), ProvidersIndexLdifWriter.write(List.of(entryOf(b))));
        Files.writeString(b.dataDir.resolve("index.ldif"), ProvidersIndexLdifWriter.write(List.of(entryOf(a))));
        a.start(List.of(b.ca()));
        b.start(List.of(a.ca()));
        a.mailbox("mario@pec.a.example", PASSWORD);
        a.mailbox("anna@pec.a.example", PASSWORD);
        b.mailbox("bianca@pec.b.example", PASSWORD);
        b.mailbox("bruno@pec.b.example", PASSWORD);
        b.mailbox("carla@pec.b.example", PASSWORD);
        b.mailbox("dario@pec.b.example", PASSWORD);
        b.store.accounts().updateSettings("bruno@pec.b.example", new MailboxSettings(MailboxSettings.OrdinaryMailRule.FORWARD,
                Optional.of("bruno.casa@internet.example"), Optional.empty(), List.of(), List.of()));
        b.store.accounts().updateSettings("carla@pec.b.example", new MailboxSettings(MailboxSettings.OrdinaryMailRule.ANOMALY_TO_INBOX,
                Optional.empty(), Optional.empty(), List.of("carla.avvisi@internet.example"), List.of()));
        b.store.accounts().updateSettings("dario@pec.b.example", new MailboxSettings(MailboxSettings.OrdinaryMailRule.DELIVER_TO_FOLDER,
                Optional.empty(), Optional.of("Ordinaria"), List.of("dario.avvisi@internet.example"), List.of("amico@internet.example")));
        client = PecMail.session(a.smtps(), PecNode.trusting(List.of(a.ca())));
    }

    /** Ordinary mail from the Internet to B's port 25, plaintext, as any MTA would send it. */
    static void internetSends(String from, String to, String subject, String extraHeaders) throws Exception {
        internetSends(b.mxPort, from, to, subject, extraHeaders);
    }

    /** The same to the port-25 listener at {@code mxPort}. */
    static void internetSends(int mxPort, String from, String to, String subject, String extraHeaders) throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(mxPort));
        Session s = Session.getInstance(p);
        jakarta.mail.internet.MimeMessage m = new jakarta.mail.internet.MimeMessage(s);
        m.setFrom(from);
        m.setRecipients(jakarta.mail.Message.RecipientType.TO, to);
        m.setSubject(subject);
        m.setText("contenuto riservato del messaggio");
        for (String h : extraHeaders.isEmpty() ? new String[0] : extraHeaders.split("\n")) {
            m.addHeader(h.substring(0, h.indexOf(':')), h.substring(h.indexOf(':') + 1).trim());
        }
        try (jakarta.mail.Transport t = s.getTransport("smtp")) {
            t.connect();
            t.sendMessage(m, m.getAllRecipients());
        }
    }

    /** What GreenMail delivered to this envelope recipient (its mailbox), not what names it in a header. */
    static List<String> internetMailFor(String address) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        com.icegreen.greenmail.user.GreenMailUser user = internet.getUserManager().getUserByEmail(address);
        if (user == null) {
            return out;
        }
        for (com.icegreen.greenmail.store.StoredMessage m : internet.getManagers().getImapHostManager().getInbox(user).getMessages()) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            m.getMimeMessage().writeTo(bytes);
            out.add(bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return out;
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
                throw new AssertionError("timed out waiting for " + what + "; queue of A: " + a.store.queue().pending(20)
                        + "; queue of B: " + b.store.queue().pending(20));
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

    /** A counter of a node's registry; other tests' traffic may add to it, so callers compare with "at least". */
    static double counter(PecNode n, String name, String... tags) {
        io.micrometer.core.instrument.Counter c = n.metrics.registry().find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void relayAttemptsAreCountedByPeerProviderAndMessagesByKindOnBothSides() throws Exception {
        int mario = count(a, "mario@pec.a.example");
        double toB = counter(a, "pec.relay.attempts", "peer", "Gestore B", "outcome", "delivered");
        double receiptsToA = counter(b, "pec.relay.attempts", "peer", "Gestore A", "outcome", "delivered");
        double envelopesAtB = counter(b, "pec.messages", "kind", "transport_envelope", "direction", "received");
        double takenInChargeByB = counter(b, "pec.messages", "kind", "take_in_charge", "direction", "emitted");
        double deliveriesByB = counter(b, "pec.messages", "kind", "delivery", "direction", "emitted");
        double deliveriesAtA = counter(a, "pec.messages", "kind", "delivery", "direction", "received");
        double acceptances = counter(a, "pec.messages", "kind", "acceptance", "direction", "emitted");

        PecMail.send(client, a.smtps(), "mario@pec.a.example", PASSWORD,
                PecMail.message(client, "mario@pec.a.example", "bianca@pec.b.example", null, "Conteggi"));
        await("acceptance and delivery receipt", () -> count(a, "mario@pec.a.example") >= mario + 2);

        // each side counts after its own step completes, which may be a moment after the other side saw it
        await("acceptance counted", () -> counter(a, "pec.messages", "kind", "acceptance", "direction", "emitted") >= acceptances + 1);
        await("relay to B counted", () -> counter(a, "pec.relay.attempts", "peer", "Gestore B", "outcome", "delivered") >= toB + 1);
        await("envelope received by B", () -> counter(b, "pec.messages", "kind", "transport_envelope", "direction", "received") >= envelopesAtB + 1);
        await("take-in-charge emitted by B", () -> counter(b, "pec.messages", "kind", "take_in_charge", "direction", "emitted") >= takenInChargeByB + 1);
        await("delivery receipt emitted by B", () -> counter(b, "pec.messages", "kind", "delivery", "direction", "emitted") >= deliveriesByB + 1);
        await("take-in-charge and delivery receipt relayed back to A",
                () -> counter(b, "pec.relay.attempts", "peer", "Gestore A", "outcome", "delivered") >= receiptsToA + 2);
        await("delivery receipt received by A", () -> counter(a, "pec.messages", "kind", "delivery", "direction", "received") >= deliveriesAtA + 1);
        assertThat(a.metrics.scrape()).doesNotContain("bianca", "mario@");
    }

    @Test
    void aToAnOrdinaryAddressGivesTheAcceptanceReceiptOnlyAndTheEnvelopeReachesTheInternet() throws Exception {
        int mario = count(a, "mario@pec.a.example");

        String reply = PecMail.send(client, a.smtps(), "mario@pec.a.example", PASSWORD,
                PecMail.message(client, "mario@pec.a.example", "amico@internet.example", null, "Per un amico"));

        String id = reply.substring("250 2.0.0 ".length());
        await("the envelope at the Internet", () -> {
            try {
                return internetMailFor("amico@internet.example").stream().anyMatch(t -> t.contains(id));
            } catch (Exception e) {
                return false;
            }
        });
        Thread.sleep(500);
        List<byte[]> inbox = a.inbox("mario@pec.a.example").subList(mario, count(a, "mario@pec.a.example"));
        assertThat(withHeader(inbox, "X-Ricevuta: accettazione")).hasSize(1).allMatch(t -> t.contains("posta ordinaria"));
        assertThat(withHeader(inbox, "X-Ricevuta: avvenuta-consegna")).isEmpty();
        assertThat(a.store.tracking().forReference(id)).isEmpty();
        assertThat(internetMailFor("amico@internet.example")).anyMatch(t -> t.contains("X-Trasporto: posta-certificata"));
    }

    @Test
    void anUnknownRecipientAtBGivesANonDeliveryNoticeWithItsCode() throws Exception {
        int mario = count(a, "mario@pec.a.example");

        String reply = PecMail.send(client, a.smtps(), "mario@pec.a.example", PASSWORD,
                PecMail.message(client, "mario@pec.a.example", "nessuno@pec.b.example", null, "A chi?"));

        String id = reply.substring("250 2.0.0 ".length());
        await("acceptance and non-delivery", () -> count(a, "mario@pec.a.example") >= mario + 2);
        List<String> notices = withHeader(a.inbox("mario@pec.a.example").subList(mario, mario + 2), "X-Ricevuta: errore-consegna");
        assertThat(notices).hasSize(1).allMatch(t -> t.contains("5.1.1 - Gestore B - indirizzo non valido"));
        PecCheck.assertPasses(b.ca(), List.of(notices.get(0).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        await("tracking closed as failed", () -> a.store.tracking().forReference(id).get(0).closedAt() != null);
    }

    @Test
    void aSameDomainMessageGetsTheFullPecTreatment() throws Exception {
        int mario = count(a, "mario@pec.a.example");
        int anna = count(a, "anna@pec.a.example");

        String reply = PecMail.send(client, a.smtps(), "mario@pec.a.example", PASSWORD,
                PecMail.message(client, "mario@pec.a.example", "anna@pec.a.example", null, "Tra colleghi"));

        String id = reply.substring("250 2.0.0 ".length());
        await("envelope for anna", () -> count(a, "anna@pec.a.example") >= anna + 1);
        await("acceptance and delivery for mario", () -> count(a, "mario@pec.a.example") >= mario + 2);
        List<byte[]> marioNew = a.inbox("mario@pec.a.example").subList(mario, mario + 2);
        assertThat(withHeader(marioNew, "X-Ricevuta: accettazione")).hasSize(1);
        assertThat(withHeader(marioNew, "X-Ricevuta: avvenuta-consegna")).hasSize(1);
        List<byte[]> annaNew = a.inbox("anna@pec.a.example").subList(anna, anna + 1);
        assertThat(withHeader(annaNew, "X-Trasporto: posta-certificata")).hasSize(1).allMatch(t -> t.contains(id));
        PecCheck.assertPasses(a.ca(), List.of(marioNew.get(0), marioNew.get(1), annaNew.get(0)));
        await("tracking delivered", () -> a.store.tracking().forReference(id).get(0).deliveredAt() != null);
    }

    @Test
    void ordinaryMailFollowsEachMailboxRule() throws Exception {
        int carla = count(b, "carla@pec.b.example");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> internetSends("amico@internet.example", "bianca@pec.b.example", "Rifiutami", ""))
                .hasMessageContaining("550 5.7.1");
        internetSends("amico@internet.example", "bruno@pec.b.example", "Inoltrami", "");
        internetSends("amico@internet.example", "carla@pec.b.example", "Avvolgimi", "");
        internetSends("amico@internet.example", "dario@pec.b.example", "Mettimi da parte", "");

        await("forward to bruno's ordinary address", () -> {
            try {
                return internetMailFor("bruno.casa@internet.example").stream().anyMatch(t -> t.contains("Inoltrami"));
            } catch (Exception e) {
                return false;
            }
        });
        List<String> anomaly = withHeader(b.inbox("carla@pec.b.example").subList(carla, carla + 1), "X-Trasporto: errore");
        assertThat(anomaly).hasSize(1).allMatch(t -> t.contains("ANOMALIA MESSAGGIO: Avvolgimi"));
        PecCheck.assertPasses(b.ca(), List.of(anomaly.get(0).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertThat(b.folder("dario@pec.b.example", "Ordinaria")).extracting(PecMail::text).anyMatch(t -> t.contains("Mettimi da parte"));
        await("arrival notices", () -> {
            try {
                return !internetMailFor("carla.avvisi@internet.example").isEmpty() && !internetMailFor("dario.avvisi@internet.example").isEmpty();
            } catch (Exception e) {
                return false;
            }
        });
        String notice = internetMailFor("carla.avvisi@internet.example").get(0);
        assertThat(notice).contains("amico@internet.example").contains("carla@pec.b.example").contains("Avvolgimi")
                .doesNotContain("contenuto riservato");
    }

    @Test
    void arrivalNoticesCanBeLimitedToGivenSenders() throws Exception {
        int before = internetMailFor("dario.avvisi@internet.example").size();

        internetSends("sconosciuto@internet.example", "dario@pec.b.example", "Da uno sconosciuto", "");

        await("stored in the folder", () -> {
            try {
                return b.folder("dario@pec.b.example", "Ordinaria").stream().map(PecMail::text).anyMatch(t -> t.contains("Da uno sconosciuto"));
            } catch (java.io.IOException e) {
                return false;
            }
        });
        Thread.sleep(700);
        assertThat(internetMailFor("dario.avvisi@internet.example")).hasSize(before);
    }

    @Test
    void aForgedReceiptFromTheInternetBecomesAnAnomaly() throws Exception {
        int carla = count(b, "carla@pec.b.example");

        internetSends("posta-certificata@pec.a.example", "carla@pec.b.example", "CONSEGNA: falso",
                "X-Ricevuta: avvenuta-consegna\nX-Riferimento-Message-ID: <finto@pec.a.example>");

        await("the anomaly", () -> count(b, "carla@pec.b.example") >= carla + 1);
        String wrapped = PecMail.text(b.inbox("carla@pec.b.example").get(carla));
        assertThat(wrapped).contains("X-Trasporto: errore").contains("ANOMALIA MESSAGGIO: CONSEGNA: falso");
        String top = wrapped.substring(0, wrapped.indexOf("\r\n\r\n"));
        assertThat(top).doesNotContain("X-Ricevuta");
    }
}
