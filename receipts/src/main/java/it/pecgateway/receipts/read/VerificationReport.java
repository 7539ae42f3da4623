package it.pecgateway.receipts.read;

import it.pecgateway.certs.Fingerprints;
import it.pecgateway.receipts.CertifiedTime;
import it.pecgateway.receipts.daticert.Daticert;
import it.pecgateway.receipts.smime.SignatureReport;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * What the {@code verify} command tells a person or a machine about one message: the verdict and the certified
 * facts (kind, identificativo, sender, recipients, certified time, signer). Built from a {@link Classification}.
 *
 * @param certifiedTime as the daticert writes it ({@code dd/mm/yyyy hh:mm:ss (+hhmm)}), else the CMS signing time
 * @param signer        the signer certificate's subject
 * @param reason        why the verdict is not VALID; empty when it is
 * @param notes         facts that do not change the verdict, e.g. a certificate expired after the certified time
 */
public record VerificationReport(Verdict verdict, String kind, Optional<String> identificativo,
        Optional<String> sender, List<String> recipients, Optional<String> certifiedTime, Optional<String> signer,
        Optional<String> signerSha1, Optional<String> provider, Optional<String> digestAlgorithm, String reason,
        List<String> notes) {

    public VerificationReport {
        recipients = List.copyOf(recipients);
        notes = List.copyOf(notes);
    }

    public static VerificationReport of(Classification c) {
        if (c instanceof Classification.TransportEnvelope e) {
            return valid("busta di trasporto", Optional.of(e.daticert()), e.signature(), e.headers());
        }
        if (c instanceof Classification.Receipt r) {
            return valid("ricevuta " + r.kind().label(), Optional.of(r.daticert()), r.signature(), r.headers());
        }
        if (c instanceof Classification.AnomalyEnvelope a) {
            return valid("busta di anomalia", Optional.empty(), a.signature(), a.headers());
        }
        if (c instanceof Classification.FailedPec f) {
            VerificationReport partial = build(Verdict.INVALID, "PEC non valida (" + f.claimed() + ")", f.daticert(),
                    f.signature(), f.headers(), f.reason());
            return partial;
        }
        if (c instanceof Classification.NotPec n) {
            return new VerificationReport(Verdict.INVALID, "non PEC", Optional.empty(),
                    Optional.of(n.headers().from()).filter(s -> !s.isEmpty()), List.of(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), n.reason(), List.of());
        }
        Classification.Unreadable u = (Classification.Unreadable) c;
        return unreadable(u.reason());
    }

    public static VerificationReport unreadable(String reason) {
        return new VerificationReport(Verdict.UNREADABLE, "illeggibile", Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), reason,
                List.of());
    }

    private static VerificationReport valid(String kind, Optional<Daticert> d, SignatureReport s, PecHeaders h) {
        return build(Verdict.VALID, kind, d, Optional.of(s), h, "");
    }

    private static VerificationReport build(Verdict verdict, String kind, Optional<Daticert> d,
            Optional<SignatureReport> s, PecHeaders h, String reason) {
        Optional<X509Certificate> cert = s.flatMap(SignatureReport::signer);
        Optional<String> time = d.map(x -> x.giorno() + " " + x.ora() + " (" + x.zona() + ")")
                .or(() -> s.flatMap(SignatureReport::signingTime).map(t -> {
                    CertifiedTime ct = CertifiedTime.of(t);
                    return ct.giorno() + " " + ct.ora() + " (" + ct.zona() + ")";
                }));
        List<String> recipients = d.map(x -> x.destinatari().stream()
                .map(r -> r.address() + " (" + r.tipo() + ")").toList()).orElse(List.of());
        return new VerificationReport(verdict, kind, d.map(Daticert::identificativo),
                d.map(Daticert::mittente).or(() -> Optional.of(h.from()).filter(f -> !f.isEmpty())), recipients, time,
                cert.map(x -> x.getSubjectX500Principal().getName()), cert.map(Fingerprints::sha1Hex),
                s.flatMap(SignatureReport::provider),
                s.map(SignatureReport::digestAlgorithm).filter(a -> !a.isEmpty()), reason,
                s.map(SignatureReport::notes).orElse(List.of()));
    }
}
