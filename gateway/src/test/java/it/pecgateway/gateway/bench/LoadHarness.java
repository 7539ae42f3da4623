package it.pecgateway.gateway.bench;

import it.pecgateway.gateway.pec.LoadNode;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * The load harness of issue 5 (a harness that prints figures, not a timed test). One node with local PEC
 * mailboxes; N persistent SMTPS connections submit 4 KiB messages, one sender mailbox per connection, each to a
 * local recipient. Prints accepted messages/s, p50/p99 time to 250, the time until every delivery receipt is
 * stored, and the raw RSA-2048 signature rate measured in the same run.
 *
 * <p>Run: {@code bin/load-harness [connections] [messages] [rate] [warm-up]} (defaults 8, 3000, 0, 1000;
 * rate 0: as fast as possible; otherwise messages/s paced over all connections; warm-up: messages sent at full
 * speed before the measured ones, to let the JIT compile the hot code, 0 for a cold start).
 */
public final class LoadHarness {
    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        int connections = Integer.getInteger("load.connections", 8);
        int messages = Integer.getInteger("load.messages", 3000);
        int rate = Integer.getInteger("load.rate", 0);
        int warmup = Integer.getInteger("load.warmup", 1000);
        System.out.printf("load harness: %d connections, %d messages of 4 KiB, rate %s, %d cores, load average %s%n",
                connections, messages, rate == 0 ? "unlimited" : rate + "/s", Runtime.getRuntime().availableProcessors(), loadAverage());
        double signatures = rsaSignaturesPerSecond();
        System.out.printf("raw RSA-2048 signatures: %.0f/s on %d threads%n", signatures, Runtime.getRuntime().availableProcessors());
        try (LoadNode node = LoadNode.start(connections)) {
            int warmed = 0;
            if (warmup > 0) {
                // A node that has just started spends seconds of both cores compiling its hot code (JFR: ~12,000 JIT
                // compilations in the first 20 s); a gateway runs for months. The warm-up messages go through the
                // same path at full speed, and the measurement starts once all their receipts are stored.
                long t0 = System.nanoTime();
                warmed = run(node, connections, warmup, 0, 0, false);
                System.out.printf("warm-up: %d messages in %.1f s, not measured (load average %s)%n", warmed,
                        (System.nanoTime() - t0) / 1e9, loadAverage());
            }
            run(node, connections, messages, rate, warmed, true);
        }
        System.out.printf("load average after: %s%n", loadAverage());
    }

    /** @return the messages accepted; {@code before}: accepted by earlier runs on this node */
    private static int run(LoadNode node, int connections, int messages, int rate, int before, boolean report) throws Exception {
        Session session = node.clientSession();
        long[] latencies = new long[messages];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        CountDownLatch done = new CountDownLatch(connections);
        CpuUse cpuBefore = CpuUse.now();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            String user = LoadNode.sender(c);
            Thread t = new Thread(() -> {
                try (SMTPTransport transport = (SMTPTransport) session.getTransport("smtps")) {
                    transport.connect("localhost", node.smtpsPort(), user, LoadNode.PASSWORD);
                    for (int i; (i = next.getAndIncrement()) < messages; ) {
                        if (rate > 0) {
                            long due = start + (long) (i * 1e9 / rate);
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                        }
                        MimeMessage m = message(session, user, i);
                        long t0 = System.nanoTime();
                        transport.sendMessage(m, m.getAllRecipients());
                        latencies[i] = System.nanoTime() - t0;
                        if (transport.getLastServerResponse().startsWith("250 2.0.0 opec.")) {
                            accepted.incrementAndGet();
                        } else {
                            failures.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    System.out.println("connection failed: " + e);
                } finally {
                    CLIENT_CPU.addAndGet(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                    done.countDown();
                }
            }, CLIENT_THREAD + c);
            t.start();
        }
        done.await();
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        long receiptsAt = node.awaitDeliveryReceipts(before + accepted.get(), 600);
        double allReceiptsSeconds = (receiptsAt - start) / 1e9;
        if (!report) {
            return accepted.get();
        }
        long[] sorted = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        System.out.printf("accepted %d of %d (failures %d) in %.2f s: %.0f accepted messages/s%n",
                accepted.get(), messages, failures.get(), sendSeconds, accepted.get() / sendSeconds);
        System.out.printf("time to 250: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        System.out.printf("every delivery receipt stored after %.2f s: %.0f certified messages/s end to end%n",
                allReceiptsSeconds, accepted.get() / allReceiptsSeconds);
        CpuUse.now().minus(cpuBefore).print(accepted.get(), allReceiptsSeconds);
        return accepted.get();
    }

    private static final String CLIENT_THREAD = "load-client-";
    /** CPU time of the client threads, each adding its own as it ends. */
    private static final AtomicLong CLIENT_CPU = new AtomicLong();

    private static final String BODY = ("x".repeat(75) + "\r\n").repeat(52);
    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME;

    /**
     * A 4 KiB message as the client's bytes, parsed by Angus Mail: sending it copies the bytes. The client shares the
     * two cores with the server, so it does not build and encode a message through the MIME API each time (a real
     * client does that on its own machine); what it still spends is TLS and SMTP.
     */
    private static MimeMessage message(Session session, String user, int i) throws Exception {
        String text = "Date: " + DATE.format(java.time.ZonedDateTime.now()) + "\r\n"
                + "From: " + user + "\r\n"
                + "To: " + LoadNode.recipient(i) + "\r\n"
                + "Message-ID: <carico." + i + "." + System.nanoTime() + "@load.example>\r\n"
                + "Subject: Carico " + i + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n"
                + "\r\n" + BODY;
        return new MimeMessage(session, new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    /**
     * CPU time of the process and of its thread groups: on a shared machine the CPU spent per message is a steadier
     * figure than the rate (threads that ended before the second reading are missing from the groups, not the total).
     */
    private record CpuUse(long process, java.util.Map<String, Long> groups, long jitMillis) {
        static CpuUse now() {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            java.util.Map<String, Long> groups = new java.util.TreeMap<>();
            for (long id : threads.getAllThreadIds()) {
                java.lang.management.ThreadInfo info = threads.getThreadInfo(id);
                long cpu = threads.getThreadCpuTime(id);
                // client threads add their own time as they end (below)
                if (info != null && cpu > 0 && !info.getThreadName().startsWith(CLIENT_THREAD)) {
                    groups.merge(group(info.getThreadName()), cpu, Long::sum);
                }
            }
            groups.merge("client (harness)", CLIENT_CPU.get(), Long::sum);
            long process = ((com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            return new CpuUse(process, groups,
                    java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
        }

        private static String group(String thread) {
            return thread.replaceAll("-?\\d+$", "");
        }

        CpuUse minus(CpuUse before) {
            java.util.Map<String, Long> delta = new java.util.TreeMap<>();
            groups.forEach((k, v) -> delta.put(k, v - before.groups.getOrDefault(k, 0L)));
            return new CpuUse(process - before.process, delta, jitMillis - before.jitMillis);
        }

        void print(int messages, double seconds) {
            System.out.printf("CPU: %.1f ms per message (%.2f cores of the process over %.1f s), by thread group:%n",
                    process / 1e6 / Math.max(1, messages), process / 1e9 / seconds, seconds);
            groups.entrySet().stream().filter(e -> e.getValue() > 50_000_000L)
                    .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> System.out.printf("  %-28s %6.2f ms per message%n", e.getKey(), e.getValue() / 1e6 / Math.max(1, messages)));
            System.out.printf("  %-28s %6.2f ms per message (JIT compiler threads busy %.1f s meanwhile)%n",
                    "JIT, GC and other VM threads",
                    (process - groups.values().stream().mapToLong(Long::longValue).sum()) / 1e6 / Math.max(1, messages),
                    jitMillis / 1e3);
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** RSA-2048 SHA256withRSA over a digest-sized input, on every core for two seconds. */
    static double rsaSignaturesPerSecond() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        PrivateKey key = g.generateKeyPair().getPrivate();
        int threads = Runtime.getRuntime().availableProcessors();
        AtomicLong count = new AtomicLong();
        long end = System.nanoTime() + 2_000_000_000L;
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                try {
                    Signature s = Signature.getInstance("SHA256withRSA");
                    byte[] data = new byte[64];
                    while (System.nanoTime() < end) {
                        s.initSign(key);
                        s.update(data);
                        s.sign();
                        count.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            all.add(t);
        }
        for (Thread t : all) {
            t.join();
        }
        return count.get() / 2.0;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
