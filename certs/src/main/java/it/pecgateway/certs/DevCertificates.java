package it.pecgateway.certs;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues the certificates of the development PKI: a CA, the provider signing certificate in the profile of
 * digest 10.2 (RFC 6109 5.5) and a TLS server certificate. RSA-2048 and SHA-256 throughout.
 */
final class DevCertificates {
    static final Duration CA_VALIDITY = Duration.ofDays(3650);
    static final Duration SIGNING_VALIDITY = Duration.ofDays(730);
    /** Apple clients refuse TLS certificates valid longer than 825 days; 397 keeps every client happy. */
    static final Duration TLS_VALIDITY = Duration.ofDays(397);
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An issuing CA: its certificate and key. */
    record Issuer(X509Certificate certificate, PrivateKey key) { }

    private final Clock clock;

    DevCertificates(Clock clock) {
        this.clock = clock;
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available", e);
        }
    }

    Issuer ca(String providerName) {
        KeyPair keys = newKeyPair();
        X500Name name = name(providerName, providerName + " development CA");
        try {
            X509v3CertificateBuilder b = builder(name, name, keys, CA_VALIDITY);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            return new Issuer(sign(b, keys.getPrivate()), keys.getPrivate());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue the development CA", e);
        }
    }

    /** The profile of digest 10.2: rfc822Name, critical keyUsage, AKI, SKI, and no basicConstraints at all. */
    X509Certificate signing(KeyPair keys, String providerName, String serviceAddress, Issuer ca) {
        try {
            X509v3CertificateBuilder b = leaf(keys, name(providerName, providerName), ca, SIGNING_VALIDITY);
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.rfc822Name, serviceAddress)));
            return sign(b, ca.key());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue the development signing certificate", e);
        }
    }

    /** A server certificate for the host names, localhost and the loopback addresses. */
    X509Certificate tls(KeyPair keys, List<String> hostnames, String providerName, Issuer ca) {
        List<GeneralName> names = new ArrayList<>();
        tlsHostnames(hostnames).forEach(h -> names.add(new GeneralName(GeneralName.dNSName, h)));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        names.add(new GeneralName(GeneralName.iPAddress, "::1"));
        try {
            X509v3CertificateBuilder b = leaf(keys, name(providerName, hostnames.get(0)), ca, TLS_VALIDITY);
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            return sign(b, ca.key());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue the development TLS certificate", e);
        }
    }

    /** The DNS names a development TLS certificate must carry. */
    static Set<String> tlsHostnames(List<String> hostnames) {
        Set<String> names = new LinkedHashSet<>(hostnames);
        names.add("localhost");
        return names;
    }

    private X509v3CertificateBuilder leaf(KeyPair keys, X500Name subject, Issuer ca, Duration validity)
            throws GeneralSecurityException, CertIOException {
        X509v3CertificateBuilder b = builder(X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                subject, keys, validity);
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca.certificate()));
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        return b;
    }

    private X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys, Duration validity) {
        Instant now = clock.instant();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)), subject, keys.getPublic());
    }

    private static X500Name name(String organisation, String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "IT").addRDN(BCStyle.O, organisation).addRDN(BCStyle.CN, commonName).build();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
