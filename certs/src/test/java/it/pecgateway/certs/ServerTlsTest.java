package it.pecgateway.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.security.KeyStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

class ServerTlsTest {
    final TestKeys keys = new TestKeys();
    final SSLContext server = ServerTls.sslContext(keys.tls("localhost"));

    @Test
    void enginesAndServerSocketsOfferOnlyTls12And13() throws Exception {
        assertThat(server.createSSLEngine().getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        try (SSLServerSocket socket = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0)) {
            assertThat(socket.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        }
    }

    @Test
    void aClientTrustingTheCaCompletesAHandshakeOverLoopback() throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (var accepted = listener.accept(); OutputStream out = accepted.getOutputStream()) {
                    out.write("hello\n".getBytes());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (SSLSocket client = (SSLSocket) clientTrusting().getSocketFactory().createSocket("localhost", listener.getLocalPort())) {
                var params = client.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                client.setSSLParameters(params);
                InputStream in = client.getInputStream();
                assertThat(new String(in.readNBytes(6))).isEqualTo("hello\n");
                assertThat(client.getSession().getProtocol()).isEqualTo("TLSv1.3");
            }
            served.get(10, TimeUnit.SECONDS);
        }
    }

    SSLContext clientTrusting() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", keys.ca.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
