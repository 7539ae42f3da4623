package it.pecgateway.mailstore.durability;

import it.pecgateway.mailstore.BlobId;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.Folder;
import it.pecgateway.mailstore.LogEvent;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.Messages;
import it.pecgateway.mailstore.NewMailbox;
import it.pecgateway.mailstore.NewQueueEntry;
import it.pecgateway.mailstore.TestBodies;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Child process of the kill tests: writes PEC-like acceptances until killed, each one transaction holding the
 * original (a body of varying size) in the sender's Sent folder, a receipt in the sender's INBOX, a queue entry,
 * a legal-log record and a claim. Prints {@code ACK <n> <uid> <sha256>} once the transaction has returned.
 * Usage: {@code AcceptanceWriter <store spec> <writer threads>}
 */
public final class AcceptanceWriter {
    static final String SENDER = "sender@pec.example";

    private AcceptanceWriter() {
    }

    /** The original of acceptance {@code n}: its number first, then a pattern; up to about 600 KiB. */
    static byte[] original(int n) {
        int size = 200 + (n * 7919) % (n % 10 == 0 ? 600_000 : 20_000);
        byte[] body = new byte[size];
        byte[] head = ("X-Seq: " + n + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        for (int i = head.length; i < size; i++) {
            body[i] = (byte) ('a' + (i + n) % 26);
        }
        return body;
    }

    static String sha256(byte[] body) throws IOException {
        return TestBodies.sha256(new ByteArrayInputStream(body));
    }

    public static void main(String[] args) throws Exception {
        MailStore store = StoreSpec.open(args[0], Clock.systemUTC());
        int threads = Integer.parseInt(args[1]);
        store.accounts().addDomain("pec.example");
        long mailbox = store.accounts().createMailbox(new NewMailbox(SENDER, Optional.empty(), MailboxState.ACTIVE,
                Optional.empty(), 0)).id();
        Folder sent = store.folders().create(mailbox, "Sent", Optional.empty());
        Folder inbox = store.folders().find(mailbox, "INBOX").orElseThrow();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        out.println("READY");
        AtomicInteger next = new AtomicInteger();
        for (int t = 0; t < threads; t++) {
            Thread writer = new Thread(() -> {
                while (true) {
                    int n = next.incrementAndGet();
                    try {
                        byte[] original = original(n);
                        long uid = accept(store, sent, inbox, n, original);
                        String line = "ACK " + n + " " + uid + " " + sha256(original);
                        synchronized (out) {
                            out.println(line);
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            writer.start();
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    private static long accept(MailStore store, Folder sent, Folder inbox, int n, byte[] original) {
        String id = "opec-" + n + "@pec.example";
        Instant now = Instant.now();
        BlobId body = store.blobs().put(BodySource.of(original));
        return store.inTransaction(s -> {
            Messages.Appended a = s.messages().append(sent.id(), body, Set.of("\\Seen"), now);
            s.messages().append(inbox.id(), BodySource.of(("receipt for " + n).getBytes(StandardCharsets.US_ASCII)),
                    Set.of(), now);
            s.queue().enqueue(new NewQueueEntry(body, SENDER, "r" + n + "@peer.example", "relay-pec", id, now));
            s.legalLog().append(new LogEvent(id, now, "accettazione", SENDER, List.of("r" + n + "@peer.example"),
                    "message " + n, List.of("<receipt-" + n + "@pec.example>"), Optional.empty(), Optional.empty()));
            s.claimOnce("acceptance:" + id);
            return a.uid();
        });
    }
}
