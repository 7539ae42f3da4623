package it.pecgateway.certs;

import it.pecgateway.config.ConfigException;
import it.pecgateway.config.ProviderConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development PKI in {@code <data-dir>/pki}: made whole on first start (in a temporary directory renamed into
 * place, so a crash never leaves half of it), reused afterwards. The CA is kept for good so that clients trusting
 * it keep working; a leaf certificate that no longer fits the configuration (other service address or host names),
 * nears its expiry or does not match its key is reissued from the CA.
 */
public final class DevPki {
    public static final String CA = "ca.pem";
    public static final String CA_KEY = "ca-key.pem";
    public static final String SIGNING = "signing.pem";
    public static final String SIGNING_KEY = "signing-key.pem";
    public static final String TLS = "tls.pem";
    public static final String TLS_KEY = "tls-key.pem";
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(DevPki.class);

    private final Path dir;
    private final ProviderConfig provider;
    private final Clock clock;
    private final DevCertificates certificates;

    public DevPki(Path dataDir, ProviderConfig provider, Clock clock) {
        this.dir = dataDir.resolve("pki");
        this.provider = provider;
        this.clock = clock;
        this.certificates = new DevCertificates(clock);
    }

    public Path directory() {
        return dir;
    }

    public KeyMaterial openOrCreate() {
        try {
            Files.createDirectories(dir.getParent());
            removeLeftoversOfACrash();
            if (!Files.exists(dir)) {
                createWhole();
            }
            DevCertificates.Issuer ca = loadCa();
            SigningIdentity signing = signing(ca);
            TlsIdentity tls = tls(ca);
            return new KeyMaterial(signing, tls, List.of(ca.certificate()), Optional.of(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the development PKI in " + dir, e);
        }
    }

    private void createWhole() throws IOException {
        Path temp = SecureFiles.temporarySibling(dir);
        SecureFiles.createPrivateDirectory(temp);
        DevCertificates.Issuer ca = certificates.ca(provider.name());
        write(temp.resolve(CA), PemFiles.toPem(ca.certificate()), false);
        write(temp.resolve(CA_KEY), PemFiles.toPem(List.of(ca.key())), true);
        issueSigning(temp, ca);
        issueTls(temp, ca);
        try {
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
            SecureFiles.syncDirectory(dir.getParent());
            log.info("made a development PKI in {}: never use it in production", dir);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            log.info("another process made the development PKI in {} first; using it", dir); // our copy is discarded
        } finally {
            deleteTree(temp);
        }
    }

    private DevCertificates.Issuer loadCa() throws IOException {
        try {
            X509Certificate certificate = PemFiles.readCertificates(existing(CA)).get(0);
            PrivateKey key = PemFiles.readPrivateKey(existing(CA_KEY));
            if (!KeyChecks.matches(certificate.getPublicKey(), key)) {
                throw new IllegalArgumentException(CA + " does not match " + CA_KEY);
            }
            return new DevCertificates.Issuer(certificate, key);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(List.of("data-dir: the development PKI in " + dir + " is damaged (" + e.getMessage()
                    + "); move that directory away to make a new one, then make clients trust the new " + CA));
        }
    }

    private SigningIdentity signing(DevCertificates.Issuer ca) throws IOException {
        Optional<TlsIdentity> current = load(SIGNING, SIGNING_KEY, ca).filter(id ->
                KeyChecks.emailAddresses(id.certificate()).contains(provider.serviceAddress().toLowerCase(java.util.Locale.ROOT))
                        && KeyChecks.subjectNames(id.certificate()).contains(provider.name()));
        if (current.isEmpty()) {
            log.info("issuing a development signing certificate for {}", provider.serviceAddress());
            issueSigning(dir, ca);
            current = load(SIGNING, SIGNING_KEY, ca);
        }
        TlsIdentity id = current.orElseThrow();
        return new SigningIdentity(id.privateKey(), id.certificate(), id.chain().subList(1, id.chain().size()));
    }

    private TlsIdentity tls(DevCertificates.Issuer ca) throws IOException {
        Optional<TlsIdentity> current = load(TLS, TLS_KEY, ca).filter(id ->
                KeyChecks.dnsNames(id.certificate()).containsAll(DevCertificates.tlsHostnames(provider.hostnames())));
        if (current.isEmpty()) {
            log.info("issuing a development TLS certificate for {}", DevCertificates.tlsHostnames(provider.hostnames()));
            issueTls(dir, ca);
            current = load(TLS, TLS_KEY, ca);
        }
        return current.orElseThrow();
    }

    /** The leaf in {@code certName}/{@code keyName} if it is whole, matches its key, comes from this CA and is not near expiry. */
    private Optional<TlsIdentity> load(String certName, String keyName, DevCertificates.Issuer ca) throws IOException {
        Path certFile = dir.resolve(certName);
        Path keyFile = dir.resolve(keyName);
        if (!Files.isRegularFile(certFile) || !Files.isRegularFile(keyFile)) {
            return Optional.empty();
        }
        try {
            List<X509Certificate> chain = PemFiles.readCertificates(certFile);
            PrivateKey key = PemFiles.readPrivateKey(keyFile);
            X509Certificate leaf = chain.get(0);
            Instant renewAt = leaf.getNotAfter().toInstant().minus(RENEW_BEFORE);
            leaf.verify(ca.certificate().getPublicKey());
            boolean usable = KeyChecks.matches(leaf.getPublicKey(), key) && clock.instant().isBefore(renewAt)
                    && KeyChecks.validity("", leaf, clock.instant()).isEmpty();
            return usable ? Optional.of(new TlsIdentity(key, chain)) : Optional.empty();
        } catch (IllegalArgumentException | java.security.GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private void issueSigning(Path where, DevCertificates.Issuer ca) throws IOException {
        KeyPair keys = DevCertificates.newKeyPair();
        X509Certificate c = certificates.signing(keys, provider.name(), provider.serviceAddress(), ca);
        write(where.resolve(SIGNING_KEY), PemFiles.toPem(List.of(keys.getPrivate())), true);
        write(where.resolve(SIGNING), PemFiles.toPem(List.of(c, ca.certificate())), false);
    }

    private void issueTls(Path where, DevCertificates.Issuer ca) throws IOException {
        KeyPair keys = DevCertificates.newKeyPair();
        X509Certificate c = certificates.tls(keys, provider.hostnames(), provider.name(), ca);
        write(where.resolve(TLS_KEY), PemFiles.toPem(List.of(keys.getPrivate())), true);
        write(where.resolve(TLS), PemFiles.toPem(List.of(c, ca.certificate())), false);
    }

    private Path existing(String name) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return file;
    }

    /** Temporary directories and files of a run that died while writing; never the PKI itself. */
    private void removeLeftoversOfACrash() throws IOException {
        for (Path parentOrPki : List.of(dir.getParent(), dir)) {
            if (!Files.isDirectory(parentOrPki)) {
                continue;
            }
            for (String pattern : List.of(dir.getFileName() + ".tmp-*", "*.pem.tmp-*")) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(parentOrPki, pattern)) {
                    for (Path leftover : entries) {
                        if (isAbandoned(leftover)) {
                            deleteTree(leftover);
                        }
                    }
                }
            }
        }
    }

    /** Old enough that no process starting right now can still be writing it. */
    private boolean isAbandoned(Path leftover) throws IOException {
        return Files.getLastModifiedTime(leftover).toInstant().isBefore(Instant.now().minus(ABANDONED_AFTER));
    }

    private static void write(Path file, String pem, boolean secret) throws IOException {
        SecureFiles.writeAtomically(file, pem.getBytes(StandardCharsets.US_ASCII), secret);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
