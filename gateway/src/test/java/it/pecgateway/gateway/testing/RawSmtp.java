package it.pecgateway.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A raw SMTP client for hostile-input tests: writes exact bytes and reads replies as the server sent them.
 * Every reply read is kept in {@link #transcript} so tests can check that all of them carry enhanced codes.
 */
public final class RawSmtp implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    public final List<String> transcript = new ArrayList<>();

    private RawSmtp(Socket socket) throws IOException {
        use(socket);
    }

    public static RawSmtp plain(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(10_000);
        return new RawSmtp(s);
    }

    public static RawSmtp implicitTls(int port, SSLContext client) throws IOException {
        SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(10_000);
        s.startHandshake();
        return new RawSmtp(s);
    }

    private void use(Socket s) throws IOException {
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
    }

    /** Upgrades the connection after a 220 to STARTTLS. */
    public void startTls(SSLContext client) throws IOException {
        SSLSocket tls = (SSLSocket) client.getSocketFactory().createSocket(socket, "localhost", socket.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        use(tls);
    }

    public RawSmtp send(String line) throws IOException {
        return sendRaw(line + "\r\n");
    }

    public RawSmtp sendRaw(String bytes) throws IOException {
        out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    public RawSmtp sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads one complete (possibly multi-line) reply; the lines joined with \n. */
    public String reply() throws IOException {
        StringBuilder all = new StringBuilder();
        while (true) {
            String line = line();
            if (line == null) {
                throw new IOException("connection closed; so far: " + all);
            }
            transcript.add(line);
            all.append(all.length() == 0 ? "" : "\n").append(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return all.toString();
            }
        }
    }

    public String command(String line) throws IOException {
        send(line);
        return reply();
    }

    /** True when the server closed the connection (reads EOF within the timeout). */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Nothing more arrives within the given time. */
    public boolean silentFor(int millis) throws IOException {
        int old = socket.getSoTimeout();
        socket.setSoTimeout(millis);
        try {
            return in.read() < 0 ? true : false;
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout(old);
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String s = buffer.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            buffer.write(b);
        }
        return buffer.size() == 0 ? null : buffer.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
