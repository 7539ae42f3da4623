package it.pecgateway.certs;

import it.pecgateway.config.KeySource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads one configured key with its chain from PKCS#12 or PEM files. Failures are {@link IllegalArgumentException}s
 * naming the key path and what is wrong; they never carry a password or key bytes.
 */
final class KeySourceLoader {
    private KeySourceLoader() {
    }

    /**
     * @param path     the configuration key path, such as {@code keys.signing}
     * @param problems where every problem found is added
     */
    static Optional<TlsIdentity> load(String path, KeySource source, List<String> problems) {
        if (source instanceof KeySource.Pkcs12 p) {
            return attempt(() -> pkcs12(path + ".pkcs12", p), problems);
        }
        KeySource.Pem pem = (KeySource.Pem) source;
        var chain = attempt(() -> read(path + ".pem.certificate-chain", pem.certificateChain(), PemFiles::readCertificates), problems);
        var key = attempt(() -> read(path + ".pem.private-key", pem.privateKey(), PemFiles::readPrivateKey), problems);
        return chain.flatMap(c -> key.map(k -> new TlsIdentity(k, c)));
    }

    private static <T> Optional<T> attempt(java.util.function.Supplier<T> step, List<String> problems) {
        try {
            return Optional.of(step.get());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }

    private static TlsIdentity pkcs12(String path, KeySource.Pkcs12 p) {
        char[] password = p.passwordFile().map(f -> read(path + ".password-file", f, KeySourceLoader::firstLine))
                .orElse(new char[0]);
        try (InputStream in = Files.newInputStream(p.file())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String alias = p.alias().orElseGet(() -> onlyKeyEntry(path, store));
            if (!store.isKeyEntry(alias)) {
                throw new IllegalArgumentException(path + ".alias: " + p.file() + " has no key entry '" + alias + "'");
            }
            PrivateKey key = (PrivateKey) store.getKey(alias, password);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : store.getCertificateChain(alias)) {
                chain.add((X509Certificate) c);
            }
            return new TlsIdentity(key, chain);
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(path + ".file: " + p.file()
                    + " cannot be opened: wrong password, damaged file or not PKCS#12");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static String onlyKeyEntry(String path, KeyStore store) {
        try {
            List<String> keys = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).toList();
            if (keys.size() != 1) {
                throw new IllegalArgumentException(path + ".file: holds " + keys.size() + " key entries " + keys
                        + "; name one with " + path + ".alias");
            }
            return keys.get(0);
        } catch (java.security.KeyStoreException e) {
            throw new IllegalArgumentException(path + ".file: cannot list its entries");
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (java.security.KeyStoreException e) {
            return false;
        }
    }

    private static char[] firstLine(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            return line == null ? new char[0] : line.toCharArray();
        }
    }

    private interface Reader<T> {
        T read(Path file) throws IOException;
    }

    private static <T> T read(String path, Path file, Reader<T> reader) {
        try {
            return reader.read(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(path + ": " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + file + " " + e.getMessage());
        }
    }
}
