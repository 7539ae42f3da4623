package it.pecgateway.receipts.bench;

import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.CertifiedTime;
import it.pecgateway.receipts.PecMessages;
import it.pecgateway.receipts.PecSettings;
import it.pecgateway.receipts.RandomIdGenerator;
import it.pecgateway.receipts.ReceiptType;
import it.pecgateway.receipts.Recipient;
import it.pecgateway.receipts.Transaction;
import it.pecgateway.receipts.testing.TestPki;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Throughput of signing, in one run: raw RSA-2048 signatures/s and transport envelopes/s for 4 KiB and 1 MiB
 * originals, on 1 and 2 threads. A harness that prints figures, not a test (house rule 4). Run from the worktree root:
 *
 * <pre>
 * mvn -B -q -o -pl receipts -am test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt &amp;&amp; java -Xmx1g -cp receipts/target/test-classes:receipts/target/classes:$(cat receipts/target/classpath.txt) it.pecgateway.receipts.bench.EnvelopeBenchmark
 * </pre>
 *
 * Optional arguments: warm-up and measured seconds per figure (default 3 and 5).
 */
public final class EnvelopeBenchmark {
    private static final String ADDRESS = "posta-certificata@pec.example.it";

    private interface Operation {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int measure = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        TestPki pki = TestPki.create(ADDRESS, "Bench PEC");
        PecMessages messages = new PecMessages(new PecSettings("Bench PEC S.p.A.", ADDRESS), pki.signing(),
                Clock.systemUTC(), new RandomIdGenerator("bench"));
        byte[] small = original(4 * 1024);
        byte[] large = original(1024 * 1024);
        System.out.printf("load average before: %s%n", loadAverage());
        System.out.printf("java %s, %d processors%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        List<Scenario> scenarios = List.of(
                new Scenario("raw RSA-2048 SHA256withRSA signatures", 1, () -> rawSignature(pki)),
                new Scenario("raw RSA-2048 SHA256withRSA signatures", 2, () -> rawSignature(pki)),
                new Scenario("transport envelopes, 4 KiB original", 1, () -> envelope(messages, small)),
                new Scenario("transport envelopes, 4 KiB original", 2, () -> envelope(messages, small)),
                new Scenario("transport envelopes, 1 MiB original", 1, () -> envelope(messages, large)),
                new Scenario("transport envelopes, 1 MiB original", 2, () -> envelope(messages, large)));
        for (Scenario sc : scenarios) {
            run(sc.threads(), warmup, sc.op());
        }
        // Rounds go across the scenarios, so a burst of load from other users hits one round of each, not one
        // scenario entirely; the best round of each counts (other work only ever slows a run down).
        Run[] best = new Run[scenarios.size()];
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < scenarios.size(); i++) {
                Run r = run(scenarios.get(i).threads(), measure, scenarios.get(i).op());
                if (best[i] == null || r.count() > best[i].count()) {
                    best[i] = r;
                }
            }
        }
        List<String> lines = new ArrayList<>();
        Figure[] f = new Figure[scenarios.size()];
        for (int i = 0; i < scenarios.size(); i++) {
            f[i] = new Figure(best[i].count() / (double) measure, best[i].count() / (best[i].cpuNanos() / 1e9));
            lines.add(String.format("%-40s %d thread(s): %8.1f /s   (%.0f per CPU-second)", scenarios.get(i).what(),
                    scenarios.get(i).threads(), f[i].rate(), f[i].perCpuSecond()));
            if (i == 2 || i == 3) {
                Figure raw = f[i - 2];
                lines.add(String.format("    = %.0f%% of the raw signature rate (%.0f%% per CPU-second); target >= 80%%",
                        100 * f[i].rate() / raw.rate(), 100 * f[i].perCpuSecond() / raw.perCpuSecond()));
            }
        }
        lines.add(String.format("    1 MiB on 2 threads, target >= 200/s: %s", f[5].rate() >= 200 ? "met" : "NOT met"));
        System.out.println();
        lines.forEach(System.out::println);
        System.out.printf("load average after: %s%n", loadAverage());
    }

    private static void rawSignature(TestPki pki) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(pki.signing().privateKey());
        s.update(new byte[32]);
        s.sign();
    }

    private static void envelope(PecMessages messages, byte[] original) throws Exception {
        CertifiedTime time = messages.now();
        Transaction t = new Transaction(messages.newIdentificativo(time), time, "mittente@pec.example.it",
                List.of(Recipient.to("destinatario@pec.example.it"), Recipient.cc("copia@pec.example.it")),
                Optional.of("Benchmark"), Optional.of("<bench@client>"), Optional.empty(), ReceiptType.COMPLETA);
        messages.transportEnvelope(t, ByteSource.of(original), OutputStream.nullOutputStream());
    }

    private record Figure(double rate, double perCpuSecond) {
    }

    private record Scenario(String what, int threads, Operation op) {
    }

    private static final int ROUNDS = 3;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private record Run(long count, long cpuNanos) {
    }

    private static Run run(int threads, int seconds, Operation op) throws InterruptedException {
        LongAdder done = new LongAdder();
        LongAdder cpu = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread w = new Thread(() -> {
                long start = CPU.getCurrentThreadCpuTime();
                try {
                    while (!stop.get()) {
                        op.run();
                        done.increment();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                cpu.add(CPU.getCurrentThreadCpuTime() - start);
            });
            workers.add(w);
            w.start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        return new Run(done.sum(), cpu.sum());
    }

    /** A plausible original: headers, a text part and a base64 attachment filling it to the size. */
    public static byte[] original(int size) {
        StringBuilder m = new StringBuilder(size + 1024);
        m.append("From: mittente@pec.example.it\r\nTo: destinatario@pec.example.it\r\nCc: copia@pec.example.it\r\n")
                .append("Subject: Benchmark\r\nMessage-ID: <bench@client>\r\nMIME-Version: 1.0\r\n")
                .append("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n")
                .append("Testo.\r\n--b\r\nContent-Type: application/pdf; name=\"a.pdf\"\r\n")
                .append("Content-Transfer-Encoding: base64\r\n\r\n");
        String line = "JVBERi0xLjQKJcOkw7zDtsOfCjEgMCBvYmoKPDwvVHlwZS9DYXRhbG9nPj4KZW5kb2JqCiUlRU9GCgAAAAAA\r\n";
        while (m.length() + line.length() + 8 < size) {
            m.append(line);
        }
        m.append("--b--\r\n");
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
