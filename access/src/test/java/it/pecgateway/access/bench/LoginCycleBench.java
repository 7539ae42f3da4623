package it.pecgateway.access.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;

/**
 * Full sessions per second: TLS connect, LOGIN, SELECT, FETCH 1 BODY.PEEK[], LOGOUT, from several client threads.
 * Arguments: hasher ({@code owasp}: production Argon2id cost; {@code fast}: cheap hashing, to see the protocol
 * cost alone), client threads (8), seconds (20).
 */
public final class LoginCycleBench {
    public static void main(String[] args) throws Exception {
        String hasher = args.length > 0 ? args[0] : "owasp";
        int threadsCount = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int mailboxes = 50;
        try (ServerProcess server = new ServerProcess("1g", mailboxes, 10, 4096, hasher)) {
            SSLContext ctx = BenchClient.trusting(server.caPem);
            LongAdder cycles = new LongAdder();
            LongAdder errors = new LongAdder();
            long warmupEnd = System.nanoTime() + 3_000_000_000L;
            long end = warmupEnd + seconds * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < threadsCount; i++) {
                int n = i;
                Thread t = new Thread(() -> {
                    int k = n;
                    while (System.nanoTime() < end) {
                        try (BenchClient c = new BenchClient(ctx, server.imapPort)) {
                            c.command("LOGIN " + BenchServer.address(k++ % mailboxes) + " " + BenchServer.PASSWORD);
                            c.command("SELECT INBOX");
                            c.command("FETCH 1 BODY.PEEK[]");
                            c.command("LOGOUT");
                            if (System.nanoTime() > warmupEnd) {
                                cycles.increment();
                            }
                        } catch (Exception e) {
                            errors.increment();
                        }
                    }
                });
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
            double elapsed = (System.nanoTime() - warmupEnd) / 1e9;
            System.out.printf("LOGIN+SELECT+FETCH+LOGOUT over TLS, %s password hashing, %d client threads: %d cycles in %.1f s "
                    + "= %.1f cycles/s (%d errors)%n", hasher, threadsCount, cycles.sum(), elapsed, cycles.sum() / elapsed, errors.sum());
        }
    }
}
