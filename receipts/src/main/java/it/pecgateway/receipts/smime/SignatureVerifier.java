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
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    private final DigestCalculatorProvider digests;

    public SignatureVerifier(TrustPolicy policy, Clock clock) {
        this.policy = policy;
        this.trust = new TrustEvaluator(policy);
        this.clock = clock;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
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
            CMSSignedDataParser parser = new CMSSignedDataParser(digests, new CMSTypedStream(signedBytes), cms);
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
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (X509CertificateHolder h : store.getMatches(null)) {
                embedded.add(converter.getCertificate(h));
            }
            if (!matches.isEmpty()) {
                signerCert = converter.getCertificate(matches.iterator().next());
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
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signerCert))) {
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
            return Optional.of(Time.getInstance(a.getAttrValues().getObjectAt(0)).getDate().toInstant());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String digestName(String oid) {
        return switch (oid) {
            case SHA1 -> "SHA-1";
            case SHA256 -> "SHA-256";
            default -> new ASN1ObjectIdentifier(oid).getId();
        };
    }
}
