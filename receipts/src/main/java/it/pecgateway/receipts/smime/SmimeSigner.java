package it.pecgateway.receipts.smime;

import it.pecgateway.certs.SigningIdentity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;

/**
 * Detached CMS signatures for S/MIME {@code multipart/signed} (digest 10.1): SHA-256 with RSA, the provider
 * certificate and its chain embedded, signed attributes contentType, signingTime (= the certified time),
 * messageDigest and CMSAlgorithmProtection, no smimeCapabilities.
 *
 * <p>The content is streamed: the caller writes the first part once into {@link Session#content()}, which digests it
 * (JDK SHA-256, no BouncyCastle provider involved). Thread-safe: every {@link #start} makes its own generator.
 */
public final class SmimeSigner {
    public static final String MICALG = "sha-256";
    private final SigningIdentity identity;
    private final X509CertificateHolder certificateHolder;
    private final Store<X509CertificateHolder> certificates;
    private final DigestCalculatorProvider digests;
    private final String address;

    /**
     * @param fromAddress the address every signed message will carry in From; refused unless it is an rfc822Name
     *                    of the signing certificate (digest 10.1)
     */
    public SmimeSigner(SigningIdentity identity, String fromAddress) {
        X509Certificate certificate = identity.certificate();
        if (!CertificateNames.hasAddress(certificate, fromAddress)) {
            throw new IllegalArgumentException("the signing certificate names " + CertificateNames.rfc822Names(certificate)
                    + ", not " + fromAddress + ": From must equal the certificate's rfc822Name");
        }
        this.identity = identity;
        this.address = fromAddress;
        try {
            this.certificateHolder = new X509CertificateHolder(certificate.getEncoded());
            List<X509Certificate> all = new ArrayList<>();
            all.add(certificate);
            all.addAll(identity.chain());
            this.certificates = store(all);
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (CertificateEncodingException | IOException | OperatorCreationException e) {
            throw new IllegalArgumentException("unusable signing certificate: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked") // JcaCertStore is a raw Store of certificate holders
    private static Store<X509CertificateHolder> store(List<X509Certificate> certificates)
            throws CertificateEncodingException {
        return new JcaCertStore(certificates);
    }

    /** The From address of every message this signer signs. */
    public String address() {
        return address;
    }

    public X509Certificate certificate() {
        return identity.certificate();
    }

    /** Starts one signature; write the content, then call {@link Session#finish()} for the DER/BER CMS bytes. */
    public Session start(Instant signingTime) throws IOException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(identity.privateKey());
            AttributeTable attributes = new AttributeTable(new Attribute(CMSAttributes.signingTime,
                    new DERSet(utcTime(signingTime))));
            SignerInfoGenerator info = new JcaSignerInfoGeneratorBuilder(digests)
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(attributes))
                    .build(signer, certificateHolder);
            CMSSignedDataStreamGenerator generator = new CMSSignedDataStreamGenerator();
            generator.addSignerInfoGenerator(info);
            generator.addCertificates(certificates);
            ByteArrayOutputStream cms = new ByteArrayOutputStream(8192);
            OutputStream content = generator.open(cms, false);
            return new Session(content, cms);
        } catch (OperatorCreationException | CMSException e) {
            throw new IOException("cannot start signing: " + e.getMessage(), e);
        }
    }

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * signingTime as UTCTime (RFC 5652 11.3: UTCTime for 1950 to 2049), built from its DER encoding: BouncyCastle's
     * {@code new Time(Date)} goes through SimpleDateFormat and costs as much as a tenth of the RSA signature.
     */
    static ASN1UTCTime utcTime(Instant instant) throws IOException {
        byte[] text = UTC_TIME.format(instant).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] der = new byte[text.length + 2];
        der[0] = 0x17;
        der[1] = (byte) text.length;
        System.arraycopy(text, 0, der, 2, text.length);
        return ASN1UTCTime.getInstance(der);
    }

    /** One signature in progress. */
    public static final class Session {
        private final OutputStream content;
        private final ByteArrayOutputStream cms;

        private Session(OutputStream content, ByteArrayOutputStream cms) {
            this.content = content;
            this.cms = cms;
        }

        /** Where the signed content goes, exactly the bytes that are sent. */
        public OutputStream content() {
            return content;
        }

        public byte[] finish() throws IOException {
            content.close();
            return cms.toByteArray();
        }
    }
}
