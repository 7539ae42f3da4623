package it.pecgateway.certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The TLS server key with its certificate chain (leaf first). Netty code builds its own {@code SslContext} from
 * these with {@link ServerTls#PROTOCOLS}; everything else uses {@link ServerTls#sslContext(TlsIdentity)}.
 */
public record TlsIdentity(PrivateKey privateKey, List<X509Certificate> chain) {
    public TlsIdentity {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a TLS identity needs at least its own certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }
}
