package it.pecgateway.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pecgateway.config.ConfigException;
import it.pecgateway.config.ProviderConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevPkiTest {
    static final String KEY_USAGE = "2.5.29.15";
    static final String BASIC_CONSTRAINTS = "2.5.29.19";
    static final String SKI = "2.5.29.14";
    static final String AKI = "2.5.29.35";
    static final String SAN = "2.5.29.17";
    static final String EKU = "2.5.29.37";
    static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    static final ProviderConfig PROVIDER = new ProviderConfig("PEC gateway (sviluppo), test", "posta-certificata@pec.localhost",
            List.of("pec.localhost"), List.of("mail.pec.localhost"));

    @TempDir
    Path dataDir;

    KeyMaterial open(ProviderConfig provider) {
        return new DevPki(dataDir, provider, Clock.systemUTC()).openOrCreate();
    }

    X509Certificate read(String name) throws IOException {
        return PemFiles.readCertificates(dataDir.resolve("pki").resolve(name)).get(0);
    }

    @Test
    void theSigningCertificateHasTheProfileOfRfc6109() throws Exception {
        KeyMaterial keys = open(PROVIDER);
        X509Certificate ca = read(DevPki.CA);
        X509Certificate c = read(DevPki.SIGNING);

        assertThat(keys.signing().certificate()).isEqualTo(c);
        assertThat(keys.signing().chain()).containsExactly(ca);
        assertThat(((RSAPublicKey) c.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(c.getSigAlgName()).isEqualTo("SHA256withRSA");
        c.verify(ca.getPublicKey());
        assertThat(KeyChecks.subjectNames(c)).contains(PROVIDER.name());
        assertThat(c.getSubjectAlternativeNames()).containsExactly(List.of(1, "posta-certificata@pec.localhost"));
        assertThat(c.getNonCriticalExtensionOIDs()).contains(SAN, AKI, SKI, EKU);
        assertThat(c.getCriticalExtensionOIDs()).containsExactly(KEY_USAGE);
        assertThat(Arrays.copyOf(c.getKeyUsage(), 9)).containsExactly(true, true, false, false, false, false, false, false, false);
        assertThat(c.getExtendedKeyUsage()).containsExactly(EMAIL_PROTECTION);
        assertThat(c.getExtensionValue(BASIC_CONSTRAINTS)).as("basicConstraints must be absent").isNull();
        assertThat(c.getBasicConstraints()).isEqualTo(-1);
        assertThat(keyIdentifierOf(c, AKI)).isEqualTo(keyIdentifierOf(ca, SKI));
        assertThat(KeyChecks.matches(c.getPublicKey(), keys.signing().privateKey())).isTrue();
    }

    @Test
    void theTlsCertificateNamesTheHostsAndLoopback() throws Exception {
        KeyMaterial keys = open(PROVIDER);
        X509Certificate ca = read(DevPki.CA);
        X509Certificate c = read(DevPki.TLS);

        assertThat(keys.tls().chain()).containsExactly(c, ca);
        c.verify(ca.getPublicKey());
        assertThat(c.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(2, "mail.pec.localhost"), List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
        assertThat(c.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(((RSAPublicKey) c.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(c.getNonCriticalExtensionOIDs()).contains(AKI, SKI);
    }

    @Test
    void theCaIsASelfSignedCaThatIsTheTrustAnchor() throws Exception {
        KeyMaterial keys = open(PROVIDER);
        X509Certificate ca = read(DevPki.CA);

        ca.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).isEqualTo(0);
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(keys.trustAnchors()).containsExactly(ca);
        assertThat(keys.caFingerprint()).isEqualTo(Fingerprints.sha256Hex(ca)).hasSize(64);
    }

    @Test
    void privateKeysAreReadableOnlyByTheOwner() throws IOException {
        open(PROVIDER);
        Path pki = dataDir.resolve("pki");

        for (String key : List.of(DevPki.CA_KEY, DevPki.SIGNING_KEY, DevPki.TLS_KEY)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.resolve(key)))).as(key).isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pki))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.resolve(DevPki.CA)))).isEqualTo("rw-r--r--");
        try (var files = Files.list(pki)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    DevPki.CA, DevPki.CA_KEY, DevPki.SIGNING, DevPki.SIGNING_KEY, DevPki.TLS, DevPki.TLS_KEY);
        }
    }

    @Test
    void aSecondStartReusesEveryKeyAndCertificate() {
        KeyMaterial first = open(PROVIDER);
        KeyMaterial second = open(PROVIDER);

        assertThat(second.trustAnchors()).isEqualTo(first.trustAnchors());
        assertThat(second.signing().certificate()).isEqualTo(first.signing().certificate());
        assertThat(second.signing().privateKey()).isEqualTo(first.signing().privateKey());
        assertThat(second.tls().chain()).isEqualTo(first.tls().chain());
        assertThat(second.tls().privateKey()).isEqualTo(first.tls().privateKey());
    }

    @Test
    void newHostNamesOrServiceAddressReissueTheLeafButKeepTheCa() throws IOException {
        KeyMaterial first = open(PROVIDER);
        ProviderConfig moved = new ProviderConfig(PROVIDER.name(), "posta-certificata@pec.example.it",
                List.of("pec.example.it"), List.of("mx.example.it"));
        KeyMaterial second = open(moved);

        assertThat(second.trustAnchors()).isEqualTo(first.trustAnchors());
        assertThat(KeyChecks.emailAddresses(second.signing().certificate())).containsExactly("posta-certificata@pec.example.it");
        assertThat(KeyChecks.dnsNames(second.tls().certificate())).contains("mx.example.it", "localhost");
        assertThat(read(DevPki.TLS)).isEqualTo(second.tls().certificate());
    }

    @Test
    void aLeafThatNoLongerMatchesItsKeyIsReissued() throws IOException {
        KeyMaterial first = open(PROVIDER);
        Path pki = dataDir.resolve("pki");
        Files.copy(pki.resolve(DevPki.TLS_KEY), pki.resolve(DevPki.SIGNING_KEY), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        KeyMaterial second = open(PROVIDER);

        assertThat(second.signing().certificate()).isNotEqualTo(first.signing().certificate());
        assertThat(KeyChecks.matches(second.signing().certificate().getPublicKey(), second.signing().privateKey())).isTrue();
        assertThat(second.tls().certificate()).isEqualTo(first.tls().certificate());
    }

    @Test
    void aDamagedCaIsRefusedWithAClearMessage() throws IOException {
        open(PROVIDER);
        Files.delete(dataDir.resolve("pki").resolve(DevPki.CA_KEY));

        assertThatThrownBy(() -> open(PROVIDER))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is damaged (ca-key.pem is missing)")
                .hasMessageContaining("move that directory away");
    }

    @Test
    void leftoversOfACrashedFirstStartAreRemovedAndThePkiIsMadeWhole() throws IOException {
        Path abandoned = Files.createDirectory(dataDir.resolve("pki.tmp-0123456789ab"));
        Files.writeString(abandoned.resolve(DevPki.CA), "half");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minusSeconds(3600)));
        Path recent = Files.createDirectory(dataDir.resolve("pki.tmp-ba9876543210"));

        KeyMaterial keys = open(PROVIDER);

        assertThat(abandoned).doesNotExist();
        assertThat(recent).as("may belong to another process starting right now").exists();
        assertThat(keys.trustAnchors()).containsExactly(read(DevPki.CA));
    }

    @Test
    void opensslVerifiesBothLeavesForTheirPurpose() throws Exception {
        open(PROVIDER);
        Path pki = dataDir.resolve("pki");

        assertThat(openssl(pki, "verify", "-CAfile", "ca.pem", "-purpose", "smimesign", "signing.pem")).contains("signing.pem: OK");
        assertThat(openssl(pki, "verify", "-CAfile", "ca.pem", "-purpose", "sslserver", "tls.pem")).contains("tls.pem: OK");
    }

    static String openssl(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    static byte[] keyIdentifierOf(X509Certificate c, String oid) {
        byte[] value = ASN1OctetString.getInstance(c.getExtensionValue(oid)).getOctets();
        return oid.equals(SKI) ? SubjectKeyIdentifier.getInstance(value).getKeyIdentifier()
                : AuthorityKeyIdentifier.getInstance(value).getKeyIdentifierObject().getOctets();
    }
}
