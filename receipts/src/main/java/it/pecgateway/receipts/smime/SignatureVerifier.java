package it.pecgateway.receipts.smime;

import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.mime.CrlfInputStream;
import it.pecgateway.receipts.mime.MimeNode;
import it.pecgateway.receipts.mime.TransferDecoding;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;

/**
 * Verifies the detached signature of a {@code multipart/signed} message over the exact raw bytes of its first part
 * (read again from the source between the boundaries, canonicalised to CRLF; never re-serialised). Accepts what real
 * providers send: SHA-1 and SHA-256, {@code application/pkcs7-signature} and {@code application/x-pkcs7-signature},
 * base64 or quoted-printable signature parts, DER and BER-indefinite CMS. The certificate is judged at the certified
 * time; an expiry or revocation after it is reported as a note, not as a failure.
 */
public final class SignatureVerifier {
    static final int MAX_SIGNATURE_BYTES = 1 << 20;
    private static final String SHA1 = "1.3.14.3.2.26";
    private static final String SHA256 = "2.16.840.1.101.3.4.2.1";
    private final TrustPolicy policy;
    private final TrustEvaluator trust;
    private final Clock clock;
    /** Stateless (every digest it hands out is new): shared by all verifiers. */
    private static final DigestCalculatorProvider DIGESTS = digestCalculators();
    /**
     * What is derived from a certificate alone, kept for the few certificates that sign nearly everything (our own,
     * the providers of the index): building a signer verifier and converting the embedded certificates cost about
     * a third of a verification. Bounded: emptied when full.
     */
    private static final Map<X509Certificate, SignerInformationVerifier> VERIFIERS = new ConcurrentHashMap<>();
    private static final Map<X509CertificateHolder, X509Certificate> CERTIFICATES = new ConcurrentHashMap<>();
    private static final int CACHED = 256;

    public SignatureVerifier(TrustPolicy policy, Clock clock) {
        this.policy = policy;
        this.trust = new TrustEvaluator(policy);
        this.clock = clock;
    }

    private static DigestCalculatorProvider digestCalculators() {
        try {
            return new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param signed       the multipart/signed node of the message
     * @param fallbackTime the certified time to use when the CMS has no signingTime (the daticert time)
     * @param from         the address in the From header, which must be the certificate's rfc822Name
     */
    public SignatureReport verify(ByteSource message, MimeNode signed, Optional<Instant> fallbackTime, String from) {
        Optional<String> structure = structureProblem(signed);
        if (structure.isPresent()) {
            return SignatureReport.invalid(structure.get());
        }
        MimeNode content = signed.children().get(0);
        MimeNode signaturePart = signed.children().get(1);
        byte[] cms;
        try {
            cms = TransferDecoding.decode(message.slice(signaturePart.bodyStart(), signaturePart.bodyEnd()),
                    signaturePart.transferEncoding(), MAX_SIGNATURE_BYTES);
        } catch (IOException e) {
            return SignatureReport.invalid("unreadable signature part: " + e.getMessage());
        }
        try (InputStream signedBytes = new CrlfInputStream(message.slice(content.start(), content.bodyEnd()).open())) {
            CMSSignedDataParser parser = new CMSSignedDataParser(DIGESTS, new CMSTypedStream(signedBytes), cms);
            parser.getSignedContent().drain();
            @SuppressWarnings("unchecked") // BouncyCastle returns a raw Store of certificate holders
            Store<X509CertificateHolder> store = parser.getCertificates();
            Collection<SignerInformation> signers = parser.getSignerInfos().getSigners();
            if (signers.isEmpty()) {
                return SignatureReport.invalid("the CMS signature has no signer");
            }
            return check(signers.iterator().next(), store, fallbackTime, from);
        } catch (CMSException | IOException | RuntimeException e) {
            return SignatureReport.invalid("malformed CMS signature: " + e.getMessage());
        }
    }

    private SignatureReport check(SignerInformation signer, Store<X509CertificateHolder> store,
            Optional<Instant> fallbackTime, String from) {
        String digest = digestName(signer.getDigestAlgOID());
        Optional<Instant> signingTime = signingTime(signer);
        List<X509Certificate> embedded = new ArrayList<>();
        X509Certificate signerCert = null;
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = store.getMatches(signer.getSID());
        try {
            for (X509CertificateHolder h : store.getMatches(null)) {
                embedded.add(certificate(h));
            }
            if (!matches.isEmpty()) {
                signerCert = certificate(matches.iterator().next());
            }
        } catch (CertificateException e) {
            return SignatureReport.invalid("unreadable certificate in the signature: " + e.getMessage());
        }
        if (signerCert == null) {
            return new SignatureReport(false, "the signer certificate is not embedded in the signature", Optional.empty(),
                    digest, signingTime, Optional.empty(), List.of());
        }
        Optional<String> provider = policy.providerOf(signerCert).map(p -> p.name());
        SignatureReport report = new SignatureReport(true, "", Optional.of(signerCert), digest, signingTime, provider,
                notes(signerCert, embedded, from, provider.isPresent()));
        try {
            if (!signer.verify(verifierFor(signerCert))) {
                return report.failing("the signature does not verify");
            }
        } catch (CMSSignerDigestMismatchException e) {
            return report.failing("the signed content was altered (message digest mismatch)");
        } catch (CMSVerifierCertificateNotValidException e) {
            return report.failing("the signer certificate was not valid at the signing time");
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            return report.failing("the signature does not verify: " + e.getMessage());
        }
        if (!CertificateNames.hasAddress(signerCert, from)) {
            return report.failing("From " + from + " is not the signer certificate's address "
                    + CertificateNames.rfc822Names(signerCert));
        }
        Instant at = signingTime.or(() -> fallbackTime).orElse(clock.instant());
        Optional<String> untrusted = trust.problem(signerCert, embedded, at);
        return untrusted.map(report::failing).orElse(report);
    }

    private static X509Certificate certificate(X509CertificateHolder holder) throws CertificateException {
        return cached(CERTIFICATES, holder, h -> new JcaX509CertificateConverter().getCertificate(h));
    }

    private static SignerInformationVerifier verifierFor(X509Certificate certificate) throws OperatorCreationException {
        return cached(VERIFIERS, certificate, c -> new JcaSimpleSignerInfoVerifierBuilder().build(c));
    }

    /** How a cached value is made when it is missing. */
    private interface Maker<K, V, E extends Exception> {
        V make(K key) throws E;
    }

    /** The cache is cleared when full: a few certificates sign nearly everything, so it fills again at once. */
    private static <K, V, E extends Exception> V cached(Map<K, V> cache, K key, Maker<K, V, E> maker) throws E {
        V known = cache.get(key);
        if (known != null) {
            return known;
        }
        V made = maker.make(key);
        if (cache.size() >= CACHED) {
            cache.clear();
        }
        cache.put(key, made);
        return made;
    }

    private List<String> notes(X509Certificate signer, List<X509Certificate> embedded, String from, boolean inIndex) {
        List<String> notes = new ArrayList<>();
        Instant now = clock.instant();
        Instant notAfter = signer.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            notes.add("the signer certificate expired on " + notAfter + ", after the certified time");
        }
        Optional<X509CRLEntry> revoked = trust.revocation(signer, embedded);
        revoked.ifPresent(r -> notes.add("the signer certificate was revoked on " + r.getRevocationDate().toInstant()));
        if (inIndex) {
            String domain = from.substring(from.indexOf('@') + 1);
            boolean managed = policy.providerOf(signer).map(p -> p.manages(domain)).orElse(true);
            if (!managed) {
                notes.add("the From domain " + domain + " is not among the provider's managed domains");
            }
        }
        return notes;
    }

    private static Optional<String> structureProblem(MimeNode signed) {
        if (!signed.type().mimeType().equals("multipart/signed")) {
            return Optional.of("not S/MIME signed (top-level type " + signed.type().mimeType() + ")");
        }
        String protocol = signed.type().parameter("protocol").orElse("").toLowerCase(Locale.ROOT);
        if (!protocol.equals("application/pkcs7-signature") && !protocol.equals("application/x-pkcs7-signature")) {
            return Optional.of("multipart/signed with unsupported protocol \"" + protocol + "\"");
        }
        if (!signed.complete()) {
            return Optional.of("truncated MIME: the multipart/signed has no closing boundary");
        }
        if (signed.children().size() != 2) {
            return Optional.of("multipart/signed must have 2 parts, found " + signed.children().size());
        }
        String sigType = signed.children().get(1).type().mimeType();
        if (!sigType.equals("application/pkcs7-signature") && !sigType.equals("application/x-pkcs7-signature")) {
            return Optional.of("the second part of multipart/signed is " + sigType + ", not a signature");
        }
        return Optional.empty();
    }

    private static Optional<Instant> signingTime(SignerInformation signer) {
        if (signer.getSignedAttributes() == null) {
            return Optional.empty();
        }
        Attribute a = signer.getSignedAttributes().get(CMSAttributes.signingTime);
        if (a == null || a.getAttrValues().size() == 0) {
            return Optional.empty();
        }
        try {
            ASN1Encodable value = a.getAttrValues().getObjectAt(0);
            Optional<Instant> plain = plainDerTime(value);
            return plain.isPresent() ? plain : Optional.of(Time.getInstance(value).getDate().toInstant());
        } catch (RuntimeException | IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The DER forms of signingTime (UTCTime {@code YYMMDDhhmmssZ}, GeneralizedTime {@code YYYYMMDDhhmmssZ}), read
     * directly: BouncyCastle's getDate() goes through SimpleDateFormat, which cost a tenth of a verification.
     * Anything else (fractions, offsets, BER leniency) is left to BouncyCastle.
     */
    static Optional<Instant> plainDerTime(ASN1Encodable value) throws IOException {
        byte[] der = value.toASN1Primitive().getEncoded();
        int tag = der[0];
        int length = der.length - 2;
        boolean utc = tag == 0x17 && length == 13;
        boolean generalized = tag == 0x18 && length == 15;
        if ((!utc && !generalized) || der[1] != length || der[der.length - 1] != 'Z') {
            return Optional.empty();
        }
        int at = 2;
        int year;
        if (utc) {
            int yy = digits(der, at, 2);
            year = yy >= 50 ? 1900 + yy : 2000 + yy; // RFC 5280 4.1.2.5.1
            at += 2;
        } else {
            year = digits(der, at, 4);
            at += 4;
        }
        int[] fields = new int[5];
        for (int i = 0; i < 5; i++, at += 2) {
            fields[i] = digits(der, at, 2);
        }
        if (year < 0 || Arrays.stream(fields).anyMatch(f -> f < 0)) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.LocalDateTime.of(year, fields[0], fields[1], fields[2], fields[3], fields[4])
                    .toInstant(java.time.ZoneOffset.UTC));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The decimal number in {@code count} ASCII digits, or -1. */
    private static int digits(byte[] b, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            n = n * 10 + (b[i] - '0');
        }
        return n;
    }

    private static String digestName(String oid) {
        return switch (oid) {
            case SHA1 -> "SHA-1";
            case SHA256 -> "SHA-256";
            default -> new ASN1ObjectIdentifier(oid).getId();
        };
    }
}
