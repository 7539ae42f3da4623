package it.pecgateway.access.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@link BenchServer} in a child JVM with the same class path and talks to it over stdin/stdout. */
final class ServerProcess implements AutoCloseable {
    final Process process;
    final int imapPort;
    final int pop3Port;
    final Path caPem;
    private final BufferedReader out;
    private final PrintWriter in;

    ServerProcess(String heap, int mailboxes, int messages, int size, String hasher) throws IOException {
        Path dir = Files.createTempDirectory("access-bench");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                BenchServer.class.getName(), dir.toString(), String.valueOf(mailboxes), String.valueOf(messages),
                String.valueOf(size), hasher));
        process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String ready = expect("READY");
        String[] f = ready.split(" ");
        imapPort = Integer.parseInt(f[1]);
        pop3Port = Integer.parseInt(f[2]);
        caPem = Path.of(f[3]);
    }

    String expect(String prefix) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IOException("bench server ended before " + prefix);
    }

    /** Heap in use after GC, Netty direct memory in use, open IMAP connections, resident set size. */
    long[] heap() throws IOException {
        in.println("heap");
        String[] f = expect("HEAP").split(" ");
        return new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4])};
    }

    void deliver(int mailbox) throws IOException {
        in.println("deliver " + mailbox);
        expect("DELIVERED");
    }

    @Override
    public void close() throws InterruptedException {
        in.println("quit");
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
