package it.pecgateway.receipts.testing;

import it.pecgateway.certs.SigningIdentity;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway PKI made at test time (house rule 3: certificates are never committed): a root CA, an intermediate
 * in the role of AgID CA1, and a provider signing certificate with the profile of digest 10.2.
 */
public record TestPki(X509Certificate root, X509Certificate intermediate, SigningIdentity signing,
        java.security.PrivateKey intermediateKey) {
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    public static TestPki create(String serviceAddress, String providerName) {
        Instant now = Instant.now();
        return create(serviceAddress, providerName, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    /** A PKI whose provider certificate is valid only in [notBefore, notAfter]. */
    public static TestPki create(String serviceAddress, String providerName, Instant notBefore, Instant notAfter) {
        try {
            Instant caFrom = notBefore.minus(Duration.ofDays(30));
            Instant caTo = notAfter.plus(Duration.ofDays(3650));
            KeyPair rootKeys = rsa();
            X500Name rootName = new X500Name("C=IT, O=Test Root, CN=Test Root CA");
            X509Certificate root = ca(rootName, rootKeys, rootName, rootKeys, caFrom, caTo, 1);
            KeyPair caKeys = rsa();
            X500Name caName = new X500Name("C=IT, O=Test Agency, CN=Test PEC CA1");
            X509Certificate ca = ca(caName, caKeys, rootName, rootKeys, caFrom, caTo, 0);
            KeyPair leafKeys = rsa();
            X509Certificate leaf = leaf(serviceAddress, providerName, leafKeys.getPublic(), caName, caKeys, ca,
                    notBefore, notAfter);
            return new TestPki(root, ca, new SigningIdentity(leafKeys.getPrivate(), leaf, List.of(ca)), caKeys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test PKI", e);
        }
    }

    private static X509Certificate ca(X500Name subject, KeyPair keys, X500Name issuer, KeyPair issuerKeys,
            Instant from, Instant to, int pathLength) throws Exception {
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(from), Date.from(to),
                subject, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLength))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        ext.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
        return sign(b, issuerKeys);
    }

    private static X509Certificate leaf(String address, String providerName, PublicKey key, X500Name issuer,
            KeyPair issuerKeys, X509Certificate issuerCert, Instant from, Instant to) throws Exception {
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(from), Date.from(to),
                new X500Name("C=IT, O=" + providerName + ", CN=Posta Certificata " + providerName), key)
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key))
                .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerCert))
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.rfc822Name, address)));
        return sign(b, issuerKeys);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair issuerKeys) throws Exception {
        return new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static KeyPair rsa() throws NoSuchAlgorithmException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    /** A CRL of the intermediate CA that revokes the signing certificate as of {@code revokedAt}. */
    public java.security.cert.X509CRL crlRevokingSigner(Instant revokedAt) {
        try {
            org.bouncycastle.cert.X509v2CRLBuilder b = new org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder(
                    intermediate.getSubjectX500Principal(), Date.from(revokedAt));
            b.addCRLEntry(signing.certificate().getSerialNumber(), Date.from(revokedAt),
                    org.bouncycastle.asn1.x509.CRLReason.keyCompromise);
            return new org.bouncycastle.cert.jcajce.JcaX509CRLConverter().getCRL(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(intermediateKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(X509Certificate... certificates) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(text)) {
            for (X509Certificate c : certificates) {
                w.writeObject(c);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    public static Path writePem(Path file, X509Certificate... certificates) throws IOException {
        Files.writeString(file, pem(certificates), StandardCharsets.US_ASCII);
        return file;
    }
}
