package it.pecgateway.access.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A scripted client: raw lines and bytes over a socket (TLS or plain), with a read timeout. */
public class LineClient implements AutoCloseable {
    protected Socket socket;
    protected InputStream in;
    protected OutputStream out;

    protected LineClient(Socket socket) {
        attach(socket);
    }

    private void attach(Socket s) {
        try {
            this.socket = s;
            s.setSoTimeout(10_000);
            this.in = new BufferedInputStream(s.getInputStream());
            this.out = s.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LineClient tls(InetSocketAddress address, SSLContext context) {
        return new LineClient(tlsSocket(address, context));
    }

    public static LineClient plain(InetSocketAddress address) {
        try {
            return new LineClient(new Socket(address.getAddress(), address.getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SSLSocket tlsSocket(InetSocketAddress address, SSLContext context) {
        try {
            SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(address.getAddress(), address.getPort());
            s.startHandshake();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Upgrades this plain connection to TLS (after STARTTLS). */
    public void startTls(SSLContext context) {
        try {
            SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(socket,
                    socket.getInetAddress().getHostAddress(), socket.getPort(), true);
            s.startHandshake();
            attach(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(String line) {
        raw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    public void raw(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next line without CRLF, or null at end of stream. */
    public String line() {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, n, StandardCharsets.UTF_8);
                }
                line.write(b);
            }
            return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    public byte[] bytes(int n) {
        try {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the server closed the connection (end of stream or reset). */
    public boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket
        }
    }
}
