package it.pecgateway.certs;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * TLS for the servers: TLS 1.3 and 1.2 only, whatever the JDK's defaults. Netty code builds its own context from
 * {@link TlsIdentity} and {@link #PROTOCOLS}; socket-based servers use {@link #sslContext(TlsIdentity)}.
 */
public final class ServerTls {
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private ServerTls() {
    }

    /** A server context whose engines and sockets offer only {@link #PROTOCOLS}. */
    public static SSLContext sslContext(TlsIdentity identity) {
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("tls", identity.privateKey(), password, identity.chain().toArray(X509Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, new SecureRandom());
            return new ProtocolLimitedContext(context, PROTOCOLS.toArray(String[]::new));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the TLS context", e);
        }
    }
}
