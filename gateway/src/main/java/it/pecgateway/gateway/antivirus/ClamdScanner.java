package it.pecgateway.gateway.antivirus;

import it.pecgateway.mailstore.BodySource;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * clamd's INSTREAM command over TCP: {@code zINSTREAM\0}, then chunks of (4-byte big-endian length, bytes), then a
 * zero length; clamd answers {@code stream: OK}, {@code stream: <signature> FOUND} or {@code ... ERROR}, NUL
 * terminated. One connection per scan, bounded by a timeout for connect, each read and the whole scan. A message
 * larger than {@code maxBytes} is not sent at all (clamd would cut it at its StreamMaxLength and say ERROR).
 */
public final class ClamdScanner implements VirusScanner {
    private static final Logger log = LoggerFactory.getLogger(ClamdScanner.class);
    private static final int CHUNK = 64 * 1024;
    private static final int MAX_REPLY = 4096;

    private final String host;
    private final int port;
    private final Duration timeout;
    private final long maxBytes;

    public ClamdScanner(String host, int port, Duration timeout, long maxBytes) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    @Override
    public ScanResult scan(BodySource body) {
        if (body.size() > maxBytes) {
            return ScanResult.error("message of " + body.size() + " bytes exceeds the scan limit of " + maxBytes);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = new Socket()) {
            int millis = (int) Math.max(1, timeout.toMillis());
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            try {
                if (!send(body, new DataOutputStream(socket.getOutputStream()), deadline)) {
                    return ScanResult.error("clamd scan timed out");
                }
            } catch (IOException writeFailed) {
                // clamd answers and closes as soon as the stream passes its own limit (StreamMaxLength): the write
                // then fails, but its answer is already in our receive buffer
                return interpret(replyAfter(socket, writeFailed));
            }
            return interpret(readReply(socket.getInputStream()));
        } catch (SocketTimeoutException e) {
            return ScanResult.error("clamd did not answer in time");
        } catch (IOException e) {
            log.warn("clamd at {}:{} unavailable: {}", host, port, e.toString());
            return ScanResult.error("clamd unavailable");
        }
    }

    /** Streams the body as INSTREAM chunks and the closing zero length; false when the deadline passed. */
    private static boolean send(BodySource body, DataOutputStream out, long deadline) throws IOException {
        out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = body.open()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                out.writeInt(n);
                out.write(buffer, 0, n);
            }
        }
        out.writeInt(0);
        out.flush();
        return true;
    }

    /** What clamd said before it closed the connection we were writing to, or the write's failure. */
    private static String replyAfter(Socket socket, IOException writeFailed) throws IOException {
        String reply;
        try {
            reply = readReply(socket.getInputStream());
        } catch (IOException readFailed) {
            writeFailed.addSuppressed(readFailed);
            throw writeFailed;
        }
        if (reply.isEmpty()) {
            throw writeFailed;
        }
        return reply;
    }

    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        for (int b; (b = in.read()) > 0; ) {
            if (reply.size() >= MAX_REPLY) {
                break;
            }
            reply.write(b);
        }
        return reply.toString(StandardCharsets.US_ASCII).trim();
    }

    /** {@code stream: OK}, {@code stream: Eicar-Test-Signature FOUND}, {@code INSTREAM size limit exceeded. ERROR}. */
    static ScanResult interpret(String reply) {
        String text = reply.startsWith("stream: ") ? reply.substring(8) : reply;
        if (text.equals("OK")) {
            return ScanResult.clean();
        }
        if (text.endsWith(" FOUND")) {
            return ScanResult.infected(text.substring(0, text.length() - 6).trim());
        }
        return ScanResult.error(text.isEmpty() ? "clamd closed the connection without a verdict" : "clamd: " + text);
    }
}
