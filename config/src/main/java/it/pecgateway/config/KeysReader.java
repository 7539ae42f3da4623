package it.pecgateway.config;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** Reads {@code keys.signing} and {@code keys.tls}: each a {@code pkcs12} or a {@code pem} source, or absent. */
final class KeysReader {
    private final Function<Object, Path> path;

    KeysReader(Function<Object, Path> path) {
        this.path = path;
    }

    KeyMaterialConfig read(YamlNode keys) {
        return new KeyMaterialConfig(source(keys, "signing"), source(keys, "tls"));
    }

    private Optional<KeySource> source(YamlNode keys, String name) {
        if (!keys.has(name)) {
            return Optional.empty();
        }
        YamlNode n = keys.child(name);
        boolean pkcs12 = n.has("pkcs12");
        boolean pem = n.has("pem");
        if (pkcs12 == pem) {
            n.problems().add(keys.pathOf(name), pkcs12
                    ? "give either pkcs12 or pem, not both"
                    : "expected pkcs12 (file, password-file, alias) or pem (certificate-chain, private-key)");
        }
        if (pkcs12) {
            YamlNode p = n.child("pkcs12");
            Optional<Path> file = p.required("file", "the PKCS#12 file", path);
            Optional<Path> passwordFile = p.optional("password-file", path);
            Optional<String> alias = p.optional("alias", YamlValues::text);
            return file.map(f -> new KeySource.Pkcs12(f, passwordFile, alias));
        }
        if (pem) {
            YamlNode p = n.child("pem");
            Optional<Path> chain = p.required("certificate-chain", "the PEM certificate chain, leaf first", path);
            Optional<Path> key = p.required("private-key", "the PKCS#8 PEM private key", path);
            return chain.flatMap(c -> key.map(k -> new KeySource.Pem(c, k)));
        }
        return Optional.empty();
    }
}
