package it.pecgateway.certs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Production-like key material made at test time, written as PEM or PKCS#12 files. */
final class TestKeys {
    final DevCertificates.Issuer ca;
    private final DevCertificates certificates;

    TestKeys(Instant issuedAt) {
        this.certificates = new DevCertificates(Clock.fixed(issuedAt, ZoneOffset.UTC));
        this.ca = certificates.ca("Example PEC S.p.A.");
    }

    TestKeys() {
        this(Instant.now());
    }

    TlsIdentity signing(String providerName, String serviceAddress) {
        KeyPair keys = DevCertificates.newKeyPair();
        return new TlsIdentity(keys.getPrivate(), List.of(certificates.signing(keys, providerName, serviceAddress, ca), ca.certificate()));
    }

    TlsIdentity tls(String hostname) {
        KeyPair keys = DevCertificates.newKeyPair();
        return new TlsIdentity(keys.getPrivate(), List.of(certificates.tls(keys, List.of(hostname), "Example PEC S.p.A.", ca), ca.certificate()));
    }

    static TlsIdentity withOtherKey(TlsIdentity identity) {
        return new TlsIdentity(DevCertificates.newKeyPair().getPrivate(), identity.chain());
    }

    static void writePem(TlsIdentity id, Path chain, Path key) throws IOException {
        Files.writeString(chain, PemFiles.toPem(id.chain()));
        Files.writeString(key, PemFiles.toPem(List.<Object>of(id.privateKey())));
    }

    static void writePkcs12(TlsIdentity id, Path file, String alias, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, id.privateKey(), password, id.chain().toArray(X509Certificate[]::new));
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }
}
