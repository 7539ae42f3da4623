package it.pecgateway.gateway.pec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The trust towards other providers' MX certificates: the JDK's trust store (real providers use public CAs), our
 * own trust anchors, and every PEM certificate in {@code <data-dir>/peer-ca/} (a peer's development CA in a test
 * network or a private deployment).
 */
public final class OutboundTrust {
    public static final String PEER_CA_DIR = "peer-ca";

    private OutboundTrust() {
    }

    public static SSLContext of(List<X509Certificate> ownAnchors, Path dataDir) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            List<X509Certificate> all = new ArrayList<>(jdkDefaults());
            all.addAll(ownAnchors);
            all.addAll(peerCas(dataDir.resolve(PEER_CA_DIR)));
            for (int i = 0; i < all.size(); i++) {
                store.setCertificateEntry("ca-" + i, all.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the outbound TLS trust", e);
        }
    }

    private static List<X509Certificate> jdkDefaults() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        List<X509Certificate> result = new ArrayList<>();
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                result.addAll(List.of(x.getAcceptedIssuers()));
            }
        }
        return result;
    }

    static List<X509Certificate> peerCas(Path dir) throws IOException, GeneralSecurityException {
        List<X509Certificate> result = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return result;
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.pem")) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (Certificate c : factory.generateCertificates(in)) {
                        result.add((X509Certificate) c);
                    }
                }
            }
        }
        return result;
    }
}
