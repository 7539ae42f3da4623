package it.pecgateway.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where one private key and its certificate chain come from: a PKCS#12 file, or a pair of PEM files.
 * Passwords are read from files, never written in the YAML.
 */
public sealed interface KeySource {

    /** @param alias entry to use; empty means the only key entry in the store */
    record Pkcs12(Path file, Optional<Path> passwordFile, Optional<String> alias) implements KeySource { }

    /** @param certificateChain PEM with the leaf first, then intermediates; @param privateKey PKCS#8 PEM */
    record Pem(Path certificateChain, Path privateKey) implements KeySource { }
}
