package it.pecgateway.gateway.pec;

import it.pecgateway.mailstore.Folder;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A node with local PEC mailboxes for the load harness: senders user0..N-1, recipients dest0..9. */
public final class LoadNode implements AutoCloseable {
    public static final String PASSWORD = "password di carico";
    private static final int RECIPIENTS = 10;

    private final PecNode node;
    private final int senders;

    private LoadNode(PecNode node, int senders) {
        this.node = node;
        this.senders = senders;
    }

    public static LoadNode start(int senders) throws Exception {
        PecNode node = new PecNode("L", "pec.load.example", Map.of(), PecNode.defaultTimers(), PecNode.freePort());
        node.start(List.of());
        for (int i = 0; i < senders; i++) {
            node.mailbox(sender(i), PASSWORD);
        }
        for (int i = 0; i < RECIPIENTS; i++) {
            node.mailbox(recipient(i), PASSWORD);
        }
        return new LoadNode(node, senders);
    }

    public static String sender(int i) {
        return "user" + i + "@pec.load.example";
    }

    public static String recipient(int i) {
        return "dest" + (i % RECIPIENTS) + "@pec.load.example";
    }

    public int smtpsPort() {
        return node.smtps();
    }

    public Session clientSession() throws Exception {
        return PecMail.session(node.smtps(), PecNode.trusting(List.of(node.ca())));
    }

    /** Waits until the senders' INBOXes hold an acceptance and a delivery receipt per message; returns nanoTime. */
    public long awaitDeliveryReceipts(int messages, int timeoutSeconds) throws InterruptedException {
        List<Long> inboxes = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            long mailbox = node.store.accounts().find(sender(i)).orElseThrow().id();
            inboxes.add(node.store.folders().find(mailbox, "INBOX").map(Folder::id).orElseThrow());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        while (System.nanoTime() < deadline) {
            long stored = inboxes.stream().mapToLong(f -> node.store.folders().status(f).messages()).sum();
            if (stored >= 2L * messages) {
                return System.nanoTime();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("not every delivery receipt arrived within " + timeoutSeconds + " s");
    }

    /** The harness's node leaves nothing behind: its data directory (store, spool, PKI) is removed. */
    @Override
    public void close() {
        node.close();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(node.dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException e) {
            System.out.println("could not remove " + node.dataDir + ": " + e.getMessage());
        }
    }
}
