package it.pecgateway.certs;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** PEM reading and writing of certificates and unencrypted private keys (PKCS#8, or PKCS#1 / SEC1 on input). */
public final class PemFiles {
    private PemFiles() {
    }

    /** The certificates of a PEM file, in file order. @throws IllegalArgumentException when there are none */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof X509CertificateHolder holder) {
                    certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
                }
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("holds a certificate that cannot be decoded");
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("holds no PEM certificate (BEGIN CERTIFICATE)");
        }
        return certificates;
    }

    /** The one private key of a PEM file. @throws IllegalArgumentException when there is none or it is encrypted */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMKeyPair pair) {
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (!(o instanceof X509CertificateHolder)) {
                    throw new IllegalArgumentException("holds an encrypted or unsupported key; give an unencrypted PKCS#8 key"
                            + " (openssl pkcs8 -topk8 -nocrypt) in a file readable only by the gateway");
                }
            }
        } catch (org.bouncycastle.openssl.PEMException e) {
            throw new IllegalArgumentException("holds a private key that cannot be decoded");
        }
        throw new IllegalArgumentException("holds no PEM private key (BEGIN PRIVATE KEY)");
    }

    public static String toPem(List<?> objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (Object o : objects) {
                writer.writeObject(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String toPem(X509Certificate certificate) {
        return toPem(List.of(certificate));
    }
}
