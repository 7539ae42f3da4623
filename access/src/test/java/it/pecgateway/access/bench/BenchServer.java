package it.pecgateway.access.bench;

import it.pecgateway.access.AccessCounters;
import it.pecgateway.access.AccessExecutors;
import it.pecgateway.access.AccessSettings;
import it.pecgateway.access.imap.ImapServer;
import it.pecgateway.access.pop3.Pop3Server;
import it.pecgateway.access.support.TestPki;
import it.pecgateway.config.ListenerConfig;
import it.pecgateway.config.TlsMode;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.NewMailbox;
import it.pecgateway.mailstore.PasswordHasher;
import it.pecgateway.mailstore.sqlite.SqliteMailStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * The server side of the benchmarks, in its own JVM so that its heap can be measured alone. Prints
 * {@code READY <imapPort> <pop3Port> <caPem>} and then obeys stdin: {@code heap} (GC, then print the heap in use),
 * {@code deliver <n>} (a new message in mailbox n's INBOX), {@code quit}.
 *
 * <p>Arguments: store directory, number of mailboxes, messages per mailbox, message size in bytes,
 * hasher ({@code owasp} as in production, or {@code fast}).
 */
public final class BenchServer {
    public static final String PASSWORD = "bench-Passw0rd";

    public static String address(int n) {
        return "bench" + n + "@bench.example.it";
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int mailboxes = Integer.parseInt(args[1]);
        int messages = Integer.parseInt(args[2]);
        int size = Integer.parseInt(args[3]);
        PasswordHasher hasher = args[4].equals("owasp") ? PasswordHasher.OWASP : new PasswordHasher(64, 1, 1);
        MailStore store = SqliteMailStore.open(dir.resolve("store"), Clock.systemUTC(), hasher);
        store.accounts().addDomain("bench.example.it");
        byte[] body = message(size);
        long[] inboxes = new long[mailboxes];
        for (int i = 0; i < mailboxes; i++) {
            long id = store.accounts().createMailbox(new NewMailbox(address(i), Optional.of(PASSWORD.toCharArray()),
                    MailboxState.ACTIVE, Optional.empty(), 0)).id();
            inboxes[i] = store.folders().find(id, "INBOX").orElseThrow().id();
            for (int j = 0; j < messages; j++) {
                store.messages().append(inboxes[i], BodySource.of(body), Set.of(), Instant.now());
            }
        }
        TestPki pki = TestPki.create();
        Path ca = pki.writeCaPem(dir.resolve("ca.pem"));
        AccessSettings settings = AccessSettings.defaults(dir.resolve("spool")).withConnectionLimits(100_000, 100_000);
        ExecutorService executor = AccessExecutors.bounded(16, 20_000);
        ListenerConfig listener = new ListenerConfig(true, "127.0.0.1", 0, TlsMode.IMPLICIT);
        AccessCounters metrics = new AccessCounters();
        ImapServer imap = new ImapServer(listener, pki.serverMaterial(), store, settings, executor, metrics);
        Pop3Server pop3 = new Pop3Server(listener, pki.serverMaterial(), store, settings, executor, metrics);
        int imapPort = imap.start().getPort();
        int pop3Port = pop3.start().getPort();
        System.out.println("READY " + imapPort + " " + pop3Port + " " + ca);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("quit")) {
            if (line.equals("heap")) {
                for (int i = 0; i < 3; i++) {
                    System.gc();
                    Thread.sleep(200);
                }
                Runtime rt = Runtime.getRuntime();
                long direct = io.netty.util.internal.PlatformDependent.usedDirectMemory();
                System.out.println("HEAP " + (rt.totalMemory() - rt.freeMemory()) + " " + direct + " "
                        + metrics.openConnections(it.pecgateway.access.AccessMetrics.Protocol.IMAP) + " " + rssBytes());
            } else if (line.startsWith("deliver ")) {
                int n = Integer.parseInt(line.substring(8).trim());
                store.messages().append(inboxes[n], BodySource.of(body), Set.of(), Instant.now());
                System.out.println("DELIVERED " + n);
            }
            System.out.flush();
        }
        imap.stop();
        pop3.stop();
        executor.shutdownNow();
        store.close();
        Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }

    /** Resident set size of this process (Linux), or -1. */
    static long rssBytes() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (Exception ignored) {
            // not on Linux
        }
        return -1;
    }

    static byte[] message(int size) {
        StringBuilder m = new StringBuilder("From: bench@bench.example.it\r\nTo: you@bench.example.it\r\n"
                + "Subject: benchmark message\r\nContent-Type: text/plain\r\n\r\n");
        while (m.length() < size - 2) {
            m.append("x".repeat(Math.min(76, size - 2 - m.length()))).append("\r\n");
        }
        return m.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }
}
