package it.pecgateway.config;

import java.util.Optional;

/**
 * Key material. When both are empty the gateway makes a development PKI in the data directory on first start
 * (a CA, the provider signing certificate and a TLS certificate) and reuses it afterwards.
 *
 * @param signing the provider signing key and certificate (S/MIME of envelopes and receipts)
 * @param tls     the TLS server key and certificate of every TLS listener
 */
public record KeyMaterialConfig(Optional<KeySource> signing, Optional<KeySource> tls) {
    public boolean development() {
        return signing.isEmpty() && tls.isEmpty();
    }
}
