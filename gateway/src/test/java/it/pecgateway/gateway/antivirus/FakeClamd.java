package it.pecgateway.gateway.antivirus;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny clamd on a loopback socket speaking the real INSTREAM protocol (a protocol test of our client, not a
 * virus scanner): it finds the EICAR test string, enforces a stream limit like StreamMaxLength, and can be told
 * to stay silent.
 */
public final class FakeClamd implements AutoCloseable {
    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private final ServerSocket server;
    private final long streamMaxLength;
    volatile boolean silent;
    final AtomicInteger chunksSeen = new AtomicInteger();

    public FakeClamd(long streamMaxLength) throws IOException {
        this.streamMaxLength = streamMaxLength;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "fake-clamd");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> {
                    try (s) {
                        handle(s);
                    } catch (IOException e) {
                        // the client went away
                    }
                }, "fake-clamd-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void handle(Socket s) throws IOException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        ByteArrayOutputStream command = new ByteArrayOutputStream();
        for (int b; (b = in.read()) > 0; ) {
            command.write(b);
        }
        OutputStream out = s.getOutputStream();
        if (!command.toString(StandardCharsets.US_ASCII).equals("zINSTREAM")) {
            out.write("UNKNOWN COMMAND\0".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (true) {
            int length = in.readInt();
            if (length == 0) {
                break;
            }
            chunksSeen.incrementAndGet();
            byte[] chunk = in.readNBytes(length);
            data.write(chunk);
            if (data.size() > streamMaxLength) {
                out.write("INSTREAM size limit exceeded. ERROR\0".getBytes(StandardCharsets.US_ASCII));
                return;
            }
        }
        if (silent) {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        boolean infected = data.toString(StandardCharsets.ISO_8859_1).contains(EICAR);
        out.write((infected ? "stream: Eicar-Test-Signature FOUND\0" : "stream: OK\0").getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
