package it.pecgateway.access;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * The TLS server key with its certificate chain (leaf first), as the certs module loads it.
 * {@link #toString()} never shows the key.
 */
public record TlsMaterial(PrivateKey privateKey, List<X509Certificate> chain) {
    public TlsMaterial {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the TLS certificate chain is empty");
        }
    }

    /** One context per server; TLS 1.2 and 1.3 only. */
    public SslContext serverContext() {
        try {
            return SslContextBuilder.forServer(privateKey, chain)
                    .sslProvider(SslProvider.JDK)
                    .protocols("TLSv1.3", "TLSv1.2")
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build the TLS server context", e);
        }
    }

    @Override
    public String toString() {
        return "TlsMaterial[" + chain.get(0).getSubjectX500Principal() + "]";
    }
}
