package it.pecgateway.gateway.pec;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.config.AntivirusConfig;
import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.read.Classification;
import it.pecgateway.receipts.read.PecReader;
import it.pecgateway.receipts.read.ReceiptKind;
import jakarta.mail.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a gateway during a burst of submissions: after the restart every message that got 250 is delivered
 * once, with exactly one acceptance receipt and one delivery receipt, and the legal log verifies.
 */
class CrashTest {
    static final String PASSWORD = "una password lunga abbastanza";

    private static Process startChild(Path dataDir, Path status) throws Exception {
        Files.deleteIfExists(status);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                CrashNodeMain.class.getName(), dataDir.toString(), status.toString())
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(status)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("child did not start: " + Files.readString(dataDir.resolve("child.log")));
            }
            Thread.sleep(50);
        }
        return p;
    }

    private static int[] status(Path status) throws Exception {
        String[] parts = Files.readString(status).trim().split(" ");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    @Test
    void everyMessageThatGot250IsDeliveredOnceWithOneAcceptanceAndOneDeliveryReceipt() throws Exception {
        Path dataDir = Files.createTempDirectory("crash-node");
        Path status = dataDir.resolve("status");
        Process child = startChild(dataDir, status);
        Path ca = dataDir.resolve("pki/ca.pem");
        Session client = PecMail.session(status(status)[0], PecNode.trusting(List.of(pem(ca))));
        int port = status(status)[0];
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            int sender = s;
            Thread t = new Thread(() -> {
                try (var transport = (org.eclipse.angus.mail.smtp.SMTPTransport) client.getTransport("smtps")) {
                    transport.connect("localhost", port, "mario@pec.a.example", PASSWORD);
                    for (int i = 0; !stop.get(); i++) {
                        var m = PecMail.message(client, "mario@pec.a.example", "anna@pec.a.example", null, "Raffica " + sender + "." + i);
                        transport.sendMessage(m, m.getAllRecipients());
                        String reply = transport.getLastServerResponse().trim();
                        if (reply.startsWith("250 2.0.0 opec.")) {
                            accepted.add(reply.substring("250 2.0.0 ".length()));
                        }
                    }
                } catch (Exception e) {
                    // the gateway died under us: expected
                }
            });
            t.start();
            senders.add(t);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (accepted.size() < 20 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        child.destroyForcibly().waitFor();
        stop.set(true);
        for (Thread t : senders) {
            t.join(10_000);
        }
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(20);

        Process restarted = startChild(dataDir, status);
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (status(status)[1] > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(300);
        restarted.destroy();
        restarted.waitFor();

        try (PecNode node = new PecNode(dataDir, "A", "pec.a.example", Map.of(), PecNode.defaultTimers(), 0,
                new AntivirusConfig(false, "127.0.0.1", 3310, Duration.ofSeconds(5)))) {
            PecReader reader = PecReader.forProviders(it.pecgateway.certs.SelfProvidersIndex.of(node.config.provider(),
                    node.keys.signing()), Clock.systemUTC());
            Map<String, Integer> envelopes = count(reader, node.inbox("anna@pec.a.example"), null);
            Map<String, Integer> acceptances = count(reader, node.inbox("mario@pec.a.example"), ReceiptKind.ACCEPTANCE);
            Map<String, Integer> deliveries = count(reader, node.inbox("mario@pec.a.example"), ReceiptKind.DELIVERY_COMPLETE);
            for (String id : accepted) {
                assertThat(envelopes.get(id)).as("envelopes of " + id).isEqualTo(1);
                assertThat(acceptances.get(id)).as("acceptance receipts of " + id).isEqualTo(1);
                assertThat(deliveries.get(id)).as("delivery receipts of " + id).isEqualTo(1);
            }
            assertThat(envelopes.values()).allMatch(n -> n == 1);
            assertThat(deliveries.values()).allMatch(n -> n == 1);
            assertThat(node.store.queue().stats().pending()).isZero();
            assertThat(node.store.legalLog().verify().intact()).isTrue();
        }
    }

    private static Map<String, Integer> count(PecReader reader, List<byte[]> messages, ReceiptKind kind) {
        Map<String, Integer> counts = new HashMap<>();
        for (byte[] m : messages) {
            Classification c = reader.classify(ByteSource.of(m));
            if (kind == null && c instanceof Classification.TransportEnvelope te) {
                counts.merge(te.daticert().identificativo(), 1, Integer::sum);
            } else if (c instanceof Classification.Receipt r && r.kind() == kind) {
                counts.merge(r.daticert().identificativo(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static java.security.cert.X509Certificate pem(Path file) throws Exception {
        try (var in = Files.newInputStream(file)) {
            return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
