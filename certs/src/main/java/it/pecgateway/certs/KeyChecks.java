package it.pecgateway.certs;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import it.pecgateway.config.ProviderConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.ASN1String;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The checks that make the gateway refuse key material at start, each problem a sentence with its key path. */
final class KeyChecks {
    private static final int SAN_RFC822 = 1;
    private static final int SAN_DNS = 2;

    private KeyChecks() {
    }

    static List<String> validity(String path, X509Certificate c, Instant now) {
        if (now.isAfter(c.getNotAfter().toInstant())) {
            return List.of(path + ": certificate " + c.getSubjectX500Principal() + " expired on " + c.getNotAfter().toInstant());
        }
        if (now.isBefore(c.getNotBefore().toInstant())) {
            return List.of(path + ": certificate " + c.getSubjectX500Principal() + " is not valid before " + c.getNotBefore().toInstant());
        }
        return List.of();
    }

    static List<String> keyMatches(String path, X509Certificate c, PrivateKey key) {
        return matches(c.getPublicKey(), key) ? List.of()
                : List.of(path + ": certificate " + c.getSubjectX500Principal() + " does not match the private key");
    }

    static List<String> serviceAddress(String path, X509Certificate c, String serviceAddress) {
        List<String> emails = subjectAltNames(c, SAN_RFC822);
        if (emails.stream().anyMatch(e -> e.equalsIgnoreCase(serviceAddress))) {
            return List.of();
        }
        return List.of(path + ": certificate rfc822Name is " + (emails.isEmpty() ? "absent" : String.join(", ", emails))
                + ", but provider.service-address is " + serviceAddress + " (the From of every receipt must be the"
                + " certificate's address)");
    }

    /** Digest 10.2: the subject carries the provider name (as in the index) in CN or O. */
    static List<String> providerName(String path, X509Certificate c, String providerName) {
        return subjectNames(c).contains(providerName) ? List.of()
                : List.of(path + ": certificate subject " + c.getSubjectX500Principal() + " does not carry provider.name '"
                        + providerName + "' in CN or O");
    }

    static List<String> signingCertificate(String path, X509Certificate c, PrivateKey key, ProviderConfig provider, Instant now) {
        List<String> problems = new ArrayList<>(validity(path, c, now));
        problems.addAll(keyMatches(path, c, key));
        problems.addAll(serviceAddress(path, c, provider.serviceAddress()));
        problems.addAll(providerName(path, c, provider.name()));
        return problems;
    }

    /** The CN and O values of the subject. */
    static List<String> subjectNames(X509Certificate c) {
        X500Name subject = X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
        return Stream.of(subject.getRDNs(BCStyle.CN), subject.getRDNs(BCStyle.O)).flatMap(Arrays::stream)
                .map(rdn -> rdn.getFirst().getValue())
                .map(v -> v instanceof ASN1String text ? text.getString() : v.toString()).toList();
    }

    static List<String> tlsCertificate(String path, X509Certificate c, PrivateKey key, Instant now) {
        List<String> problems = new ArrayList<>(validity(path, c, now));
        problems.addAll(keyMatches(path, c, key));
        return problems;
    }

    static List<String> dnsNames(X509Certificate c) {
        return subjectAltNames(c, SAN_DNS);
    }

    static List<String> emailAddresses(X509Certificate c) {
        return subjectAltNames(c, SAN_RFC822);
    }

    /** Signs a random challenge and verifies it: works for every key type and needs no key internals. */
    static boolean matches(PublicKey publicKey, PrivateKey privateKey) {
        if (!publicKey.getAlgorithm().equals(privateKey.getAlgorithm())) {
            return false;
        }
        String algorithm = switch (privateKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "RSASSA-PSS" -> "RSASSA-PSS";
            default -> privateKey.getAlgorithm(); // Ed25519, Ed448
        };
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static List<String> subjectAltNames(X509Certificate c, int type) {
        try {
            Collection<List<?>> names = c.getSubjectAlternativeNames();
            if (names == null) {
                return List.of();
            }
            return names.stream().filter(n -> ((Integer) n.get(0)) == type)
                    .map(n -> ((String) n.get(1)).toLowerCase(Locale.ROOT)).toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }
}
