package it.pecgateway.access.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** A minimal blocking IMAP client for the throughput benchmarks: commands out, response bytes skipped. */
final class BenchClient implements AutoCloseable {
    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;
    private int tag;

    BenchClient(SSLContext ctx, int port) throws IOException {
        socket = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
        line();
    }

    static SSLContext trusting(Path caPem) throws Exception {
        X509Certificate ca;
        try (InputStream pem = java.nio.file.Files.newInputStream(caPem)) {
            ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** Runs a command; returns the number of untagged FETCH responses; fails unless the reply is OK. */
    int command(String command) throws IOException {
        String t = "t" + (++tag);
        out.write((t + " " + command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int fetches = 0;
        while (true) {
            String l = line();
            if (l.startsWith(t + " ")) {
                if (!l.startsWith(t + " OK")) {
                    throw new IOException("command failed: " + l);
                }
                return fetches;
            }
            if (l.startsWith("* ") && l.contains(" FETCH ")) {
                fetches++;
            }
            while (l.endsWith("}")) {
                int n = Integer.parseInt(l.substring(l.lastIndexOf('{') + 1, l.length() - 1));
                in.skipNBytes(n);
                l = line();
            }
        }
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.append((char) c);
            }
        }
        if (c < 0 && b.length() == 0) {
            throw new IOException("connection closed");
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
