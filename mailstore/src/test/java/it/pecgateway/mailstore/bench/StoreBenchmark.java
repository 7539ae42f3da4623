package it.pecgateway.mailstore.bench;

import it.pecgateway.mailstore.BlobId;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.Folder;
import it.pecgateway.mailstore.LogEvent;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.NewMailbox;
import it.pecgateway.mailstore.PasswordHasher;
import it.pecgateway.mailstore.postgres.PostgresMailStore;
import it.pecgateway.mailstore.postgres.PostgresServer;
import it.pecgateway.mailstore.sqlite.SqliteMailStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Store benchmark: the disk's fsync latency, durable deliveries per second of 4 KiB messages with 1, 8 and 32
 * concurrent writers, and the time to read the UID list of a 100,000-message folder, on SQLite and PostgreSQL.
 * A delivery is what the delivery point does for one recipient: the body written and synced, then one
 * transaction appending it to the recipient's INBOX with a legal-log record, acknowledged once durable.
 *
 * <p>Run from the repository root (docs/mailstore.md):
 * {@code mvn -B -q -pl mailstore -am -Pbench test-compile}
 * (options: {@code -Dbench.seconds=5 -Dbench.backends=sqlite,postgres -Dbench.writers=1,8,32 -Dbench.uidlist=true
 * -Dbench.log=true}).
 */
public final class StoreBenchmark {
    private static final byte[] BODY = body4k();
    private static final PasswordHasher HASHER = new PasswordHasher(64, 1, 1);
    /** With false, deliveries write no legal-log record: shows what the log chain's ordering costs. */
    private static final boolean LOG = Boolean.parseBoolean(System.getProperty("bench.log", "true"));

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(System.getProperty("bench.seconds", "5"));
        List<String> backends = List.of(System.getProperty("bench.backends", "sqlite,postgres").split(","));
        boolean uidList = Boolean.parseBoolean(System.getProperty("bench.uidlist", "true"));
        Path base = Files.createDirectories(Path.of(System.getProperty("bench.dir", "mailstore/target")).toAbsolutePath());
        Path work = Files.createTempDirectory(base, "bench");
        System.out.println("load average at start: " + loadAverage() + " (" + Runtime.getRuntime().availableProcessors()
                + " cores; the machine is shared)");
        fsyncLatency(work);
        for (String backend : backends) {
            Supplier<MailStore> fresh = backend.equals("sqlite")
                    ? () -> SqliteMailStore.open(uniqueDir(work), Clock.systemUTC(), HASHER)
                    : () -> PostgresMailStore.open(PostgresServer.emptyDatabase(), "postgres", "", 40, Clock.systemUTC(), HASHER);
            for (String w : System.getProperty("bench.writers", "1,8,32").split(",")) {
                if (w.isBlank()) {
                    continue;
                }
                int writers = Integer.parseInt(w.trim());
                try (MailStore store = fresh.get()) {
                    deliveries(backend, store, writers, seconds);
                }
            }
            if (uidList) {
                try (MailStore store = fresh.get()) {
                    uidList(backend, store);
                }
            }
        }
        PostgresServer.stop();
        System.out.println("load average at end: " + loadAverage());
    }

    private static void fsyncLatency(Path dir) throws IOException {
        int n = 500;
        long[] nanos = new long[n];
        Path file = dir.resolve("fsync-probe");
        ByteBuffer block = ByteBuffer.wrap(new byte[4096]);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                block.rewind();
                ch.write(block, (long) (i % 64) * 4096);
                ch.force(false);
                nanos[i] = System.nanoTime() - t;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("fsync of a 4 KiB write (%d times): median %.3f ms, p99 %.3f ms%n", n,
                nanos[n / 2] / 1e6, nanos[n * 99 / 100] / 1e6);
    }

    private static void deliveries(String backend, MailStore store, int writers, int seconds) throws Exception {
        store.accounts().addDomain("pec.example");
        List<Folder> inboxes = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            long id = store.accounts().createMailbox(new NewMailbox("user" + w + "@pec.example", Optional.empty(),
                    MailboxState.ACTIVE, Optional.empty(), 0)).id();
            inboxes.add(store.folders().find(id, "INBOX").orElseThrow());
        }
        LongAdder done = new LongAdder();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(writers);
        for (int w = 0; w < writers; w++) {
            Folder inbox = inboxes.get(w);
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; !stop.get(); i++) {
                        deliver(store, inbox, i);
                        if (measuring.get()) {
                            done.increment();
                        }
                    }
                } finally {
                    finished.countDown();
                }
            });
            t.start();
        }
        Thread.sleep(1000); // warm-up
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        finished.await();
        System.out.printf("%-8s %2d writers: %8.0f durable deliveries/s (4 KiB%s, %d in %.1f s)%n", backend, writers,
                done.sum() / elapsed, LOG ? " + log record" : ", no log record", done.sum(), elapsed);
    }

    private static void deliver(MailStore store, Folder inbox, int i) {
        BlobId body = store.blobs().put(BodySource.of(BODY));
        Instant now = Instant.now();
        store.inTransaction(s -> {
            s.messages().append(inbox.id(), body, Set.of(), now);
            if (!LOG) {
                return null;
            }
            s.legalLog().append(new LogEvent("opec-" + inbox.id() + "-" + i, now, "consegna", "sender@peer.example",
                    List.of("user@pec.example"), "benchmark", List.of(), Optional.of("peer.example"), Optional.empty()));
            return null;
        });
    }

    private static void uidList(String backend, MailStore store) {
        store.accounts().addDomain("pec.example");
        long id = store.accounts().createMailbox(new NewMailbox("big@pec.example", Optional.empty(), MailboxState.ACTIVE,
                Optional.empty(), 0)).id();
        Folder inbox = store.folders().find(id, "INBOX").orElseThrow();
        BlobId body = store.blobs().put(BodySource.of(BODY));
        Instant now = Instant.now();
        for (int batch = 0; batch < 100; batch++) {
            store.inTransaction(s -> {
                for (int i = 0; i < 1000; i++) {
                    s.messages().append(inbox.id(), body, Set.of(), now);
                }
                return null;
            });
        }
        long[] nanos = new long[20];
        int count = 0;
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            count = store.messages().uids(inbox.id()).length;
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("%-8s UID list of a %d-message folder: median %.1f ms, best %.1f ms, worst %.1f ms%n",
                backend, count, nanos[nanos.length / 2] / 1e6, nanos[0] / 1e6, nanos[nanos.length - 1] / 1e6);
    }

    private static Path uniqueDir(Path work) {
        try {
            return Files.createTempDirectory(work, "sqlite");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static byte[] body4k() {
        byte[] b = new byte[4096];
        byte[] head = "From: a@peer.example\r\nTo: b@pec.example\r\nSubject: benchmark\r\n\r\n".getBytes();
        System.arraycopy(head, 0, b, 0, head.length);
        for (int i = head.length; i < b.length; i++) {
            b[i] = (byte) (i % 64 == 63 ? '\n' : 'a' + i % 26);
        }
        return b;
    }
}
