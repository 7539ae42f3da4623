package it.pecgateway.certs;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** Certificate fingerprints as the providers index and the logs write them: upper-case hex. */
public final class Fingerprints {
    private Fingerprints() {
    }

    public static String sha1Hex(X509Certificate certificate) {
        return digestHex("SHA-1", certificate);
    }

    public static String sha256Hex(X509Certificate certificate) {
        return digestHex("SHA-256", certificate);
    }

    private static String digestHex(String algorithm, X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate " + certificate.getSubjectX500Principal(), e);
        }
    }
}
