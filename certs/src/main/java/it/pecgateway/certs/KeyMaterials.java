package it.pecgateway.certs;

import it.pecgateway.config.ConfigException;
import it.pecgateway.config.GatewayConfig;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Loads the key material of a node: the configured files (checked, refused with every problem listed), or the
 * development PKI when none is configured.
 */
public final class KeyMaterials {
    private KeyMaterials() {
    }

    /** @throws ConfigException listing every problem of the configured key material */
    public static KeyMaterial load(GatewayConfig config, Clock clock) {
        if (config.keys().development()) {
            return new DevPki(config.dataDir(), config.provider(), clock).openOrCreate();
        }
        List<String> problems = new ArrayList<>();
        Optional<TlsIdentity> signing = KeySourceLoader.load("keys.signing", config.keys().signing().orElseThrow(), problems);
        Optional<TlsIdentity> tls = KeySourceLoader.load("keys.tls", config.keys().tls().orElseThrow(), problems);
        Instant now = clock.instant();
        signing.ifPresent(s -> problems.addAll(
                KeyChecks.signingCertificate("keys.signing", s.certificate(), s.privateKey(), config.provider(), now)));
        tls.ifPresent(t -> problems.addAll(KeyChecks.tlsCertificate("keys.tls", t.certificate(), t.privateKey(), now)));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        TlsIdentity s = signing.orElseThrow();
        TlsIdentity t = tls.orElseThrow();
        return new KeyMaterial(new SigningIdentity(s.privateKey(), s.certificate(), s.chain().subList(1, s.chain().size())),
                t, trustAnchors(t, s), Optional.empty());
    }

    /** The top certificate of each chain, TLS first, without repeats. */
    private static List<X509Certificate> trustAnchors(TlsIdentity... chains) {
        Set<X509Certificate> tops = new LinkedHashSet<>();
        for (TlsIdentity chain : chains) {
            tops.add(chain.chain().get(chain.chain().size() - 1));
        }
        return List.copyOf(tops);
    }
}
