package it.pecgateway.gateway.pec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pecgateway.mailstore.BlobId;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.LegalLog;
import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.NewQueueEntry;
import it.pecgateway.mailstore.QueueEntry;
import it.pecgateway.receipts.PecMessages;
import it.pecgateway.receipts.PecSettings;
import it.pecgateway.receipts.RandomIdGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who gets a report, and that the fail and the report are one transaction: over a real store, no workers running. */
class NonDeliveryReportsTest {
    static final String SERVICE = "posta-certificata@pec.a.example";
    PecNode node;
    NonDeliveryReports reports;

    @BeforeEach
    void open() throws Exception {
        node = new PecNode("A", "pec.a.example", Map.of(), PecNode.defaultTimers(), PecNode.freePort());
        node.mailbox("mario@pec.a.example", TwoProvidersTest.PASSWORD);
        PecMessages pec = new PecMessages(PecSettings.of(node.config.provider()), node.keys.signing(), Clock.systemUTC(),
                new RandomIdGenerator("localhost"));
        reports = new NonDeliveryReports(node.store, pec, SERVICE, "localhost", node.config.provider()::hostsDomain, PecMetrics.NONE);
    }

    @AfterEach
    void close() {
        node.close();
    }

    private QueueEntry entry(String sender, String recipient, QueuePurpose purpose, String reference) {
        BlobId body = node.store.blobs().put(BodySource.of(("From: " + sender + "\r\nTo: " + recipient
                + "\r\nSubject: prova\r\nMessage-ID: <m1@pec.a.example>\r\n\r\ncorpo\r\n").getBytes(StandardCharsets.US_ASCII)));
        long id = node.store.queue().enqueue(new NewQueueEntry(body, sender, recipient, purpose.wire(), reference,
                Instant.now().minusSeconds(1)));
        return node.store.queue().get(id).orElseThrow();
    }

    private static NonDeliveryReport.Failure refused(QueueEntry e) {
        return new NonDeliveryReport.Failure(e.recipient(), "550 5.1.1 unknown", Optional.empty(), e.createdAt(), Instant.now());
    }

    @Test
    void theSenderOfAnEnvelopeToAnOrdinaryAddressGetsIt() {
        assertThat(reports.reportTo(entry("mario@pec.a.example", "amico@internet.example", QueuePurpose.RELAY_ORDINARY, "opec.1")))
                .contains("mario@pec.a.example");
    }

    @Test
    void aBrokenForwardingIsToldToItsMailboxAndNeverToTheInternetSender() {
        assertThat(reports.reportTo(entry("chiunque@internet.example", "casa@internet.example", QueuePurpose.RELAY_ORDINARY,
                "inoltro:bruno@pec.a.example"))).contains("bruno@pec.a.example");
    }

    @Test
    void serviceMailBouncesPecRelaysAndForeignSendersGetNone() {
        assertThat(reports.reportTo(entry(SERVICE, "avvisi@internet.example", QueuePurpose.RELAY_ORDINARY, "notifica:mario@pec.a.example"))).isEmpty();
        assertThat(reports.reportTo(entry("", "casa@internet.example", QueuePurpose.RELAY_ORDINARY, "opec.2"))).isEmpty();
        assertThat(reports.reportTo(entry("mario@pec.a.example", "b@pec.b.example", QueuePurpose.RELAY_PEC, "opec.3"))).isEmpty();
        assertThat(reports.reportTo(entry("mario@pec.a.example", "anna@pec.a.example", QueuePurpose.LOCAL, "opec.4"))).isEmpty();
        assertThat(reports.reportTo(entry("altro@internet.example", "casa@internet.example", QueuePurpose.RELAY_ORDINARY, "opec.5"))).isEmpty();
    }

    @Test
    void aFailedEntryAndItsReportAreWrittenTogether() throws Exception {
        QueueEntry e = entry("mario@pec.a.example", "amico@internet.example", QueuePurpose.RELAY_ORDINARY, "opec.6");
        node.store.queue().lease("worker", 10, Duration.ofMinutes(1));

        reports.failForGood("worker", e, refused(e), "550 5.1.1 unknown");

        assertThat(node.store.queue().get(e.id()).orElseThrow().state()).isEqualTo(QueueEntry.State.FAILED);
        assertThat(node.inbox("mario@pec.a.example")).hasSize(1).allMatch(m -> PecMail.text(m).contains("X-Trasporto: errore"));
        assertThat(logged("opec.6")).isEqualTo(1);
    }

    @Test
    void aLostLeaseLeavesNoReport() throws Exception {
        QueueEntry e = entry("mario@pec.a.example", "amico@internet.example", QueuePurpose.RELAY_ORDINARY, "opec.7");
        node.store.queue().lease("other-node", 10, Duration.ofMinutes(1));

        assertThatThrownBy(() -> reports.failForGood("worker", e, refused(e), "550 5.1.1 unknown"))
                .isInstanceOfSatisfying(MailStoreException.class, x -> assertThat(x.reason()).isEqualTo(MailStoreException.Reason.CONFLICT));

        assertThat(node.store.queue().get(e.id()).orElseThrow().state()).isEqualTo(QueueEntry.State.LEASED);
        assertThat(node.inbox("mario@pec.a.example")).isEmpty();
        assertThat(logged("opec.7")).isZero();
    }

    @Test
    void aMailboxThatIsGoneOnlyFailsTheEntry() throws Exception {
        QueueEntry e = entry("chiunque@internet.example", "casa@internet.example", QueuePurpose.RELAY_ORDINARY,
                "inoltro:cancellato@pec.a.example");
        node.store.queue().lease("worker", 10, Duration.ofMinutes(1));

        reports.failForGood("worker", e, refused(e), "550 5.1.1 unknown");

        assertThat(node.store.queue().get(e.id()).orElseThrow().state()).isEqualTo(QueueEntry.State.FAILED);
        assertThat(logged("inoltro:cancellato@pec.a.example")).isZero();
    }

    @Test
    void aDeliveryReportThatFailsGetsNoReportOfItsOwn() throws Exception {
        BlobId body = node.store.blobs().put(BodySource.of(("From: mario@pec.a.example\r\nTo: x@internet.example\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n--b--\r\n")
                .getBytes(StandardCharsets.US_ASCII)));
        long id = node.store.queue().enqueue(new NewQueueEntry(body, "mario@pec.a.example", "x@internet.example",
                QueuePurpose.RELAY_ORDINARY.wire(), "opec.8", Instant.now().minusSeconds(1)));
        QueueEntry e = node.store.queue().get(id).orElseThrow();
        node.store.queue().lease("worker", 10, Duration.ofMinutes(1));

        reports.failForGood("worker", e, refused(e), "550 5.1.1 unknown");

        assertThat(node.store.queue().get(id).orElseThrow().state()).isEqualTo(QueueEntry.State.FAILED);
        assertThat(node.inbox("mario@pec.a.example")).isEmpty();
    }

    private long logged(String identificativo) {
        return node.store.legalLog().query(new LegalLog.LogQuery(Optional.of(identificativo), Optional.empty(), Optional.empty(),
                Optional.empty(), 100)).stream().filter(r -> r.event().eventType().equals(NonDeliveryReports.LOG_EVENT)).count();
    }
}
