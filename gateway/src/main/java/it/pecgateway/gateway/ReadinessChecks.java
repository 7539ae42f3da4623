package it.pecgateway.gateway;

import it.pecgateway.certs.KeyMaterial;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStoreException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The conditions of a ready node: the store answers, every configured listener is bound, the key material is
 * valid now (certificates expire while a node runs), the providers index file has been loaded.
 */
final class ReadinessChecks {
    private ReadinessChecks() {
    }

    /** A cheap read: the first hosted domain is still there. */
    static Readiness.Check store(MailStore store, String domain) {
        return () -> {
            try {
                return store.accounts().hostsDomain(domain) ? Optional.empty() : Optional.of("domain " + domain + " missing from the store");
            } catch (MailStoreException e) {
                return Optional.of("unreachable (" + e.reason() + ")");
            }
        };
    }

    /** @param notListening each source lists the names of its listeners that are not bound */
    @SafeVarargs
    static Readiness.Check listeners(Supplier<List<String>>... notListening) {
        return () -> {
            List<String> down = new ArrayList<>();
            for (Supplier<List<String>> source : notListening) {
                down.addAll(source.get());
            }
            return down.isEmpty() ? Optional.empty() : Optional.of("not listening: " + String.join(", ", down));
        };
    }

    static Readiness.Check keyMaterial(KeyMaterial keys, Clock clock) {
        return () -> {
            Instant now = clock.instant();
            Optional<String> signing = validity("signing certificate", keys.signing().certificate(), now);
            return signing.isPresent() ? signing : validity("TLS certificate", keys.tls().certificate(), now);
        };
    }

    private static Optional<String> validity(String what, X509Certificate certificate, Instant now) {
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            return Optional.of(what + " expired at " + certificate.getNotAfter().toInstant());
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            return Optional.of(what + " not valid before " + certificate.getNotBefore().toInstant());
        }
        return Optional.empty();
    }
}
