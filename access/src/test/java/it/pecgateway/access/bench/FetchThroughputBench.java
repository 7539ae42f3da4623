package it.pecgateway.access.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;

/**
 * FETCH of 4 KiB messages over 10 concurrent TLS connections (one mailbox each, 1000 messages): each connection
 * repeats {@code FETCH 1:1000 (UID FLAGS BODY.PEEK[])} for the given seconds. Prints messages per second.
 * Arguments: connections (10), seconds (20).
 */
public final class FetchThroughputBench {
    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int perMailbox = 1000;
        try (ServerProcess server = new ServerProcess("1g", connections, perMailbox, 4096, "fast")) {
            SSLContext ctx = BenchClient.trusting(server.caPem);
            LongAdder fetched = new LongAdder();
            long warmupEnd = System.nanoTime() + 3_000_000_000L;
            long end = warmupEnd + seconds * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                int n = i;
                Thread t = new Thread(() -> {
                    try (BenchClient c = new BenchClient(ctx, server.imapPort)) {
                        c.command("LOGIN " + BenchServer.address(n) + " " + BenchServer.PASSWORD);
                        c.command("SELECT INBOX");
                        while (System.nanoTime() < end) {
                            int got = c.command("FETCH 1:" + perMailbox + " (UID FLAGS BODY.PEEK[])");
                            if (System.nanoTime() > warmupEnd) {
                                fetched.add(got);
                            }
                        }
                    } catch (Exception e) {
                        e.printStackTrace();
                    }
                });
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
            double elapsed = (System.nanoTime() - warmupEnd) / 1e9;
            System.out.printf("FETCH of 4 KiB messages over %d TLS connections: %d messages in %.1f s = %.0f messages/s (%.1f MiB/s)%n",
                    connections, fetched.sum(), elapsed, fetched.sum() / elapsed, fetched.sum() * 4096 / elapsed / 1048576);
        }
    }
}
