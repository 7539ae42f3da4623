package it.pecgateway.receipts.read;

import it.pecgateway.certs.ProvidersIndex;
import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.daticert.Daticert;
import it.pecgateway.receipts.daticert.DaticertException;
import it.pecgateway.receipts.daticert.DaticertParser;
import it.pecgateway.receipts.daticert.DaticertTipo;
import it.pecgateway.receipts.mime.HeaderSection;
import it.pecgateway.receipts.mime.MimeLimitException;
import it.pecgateway.receipts.mime.MimeNode;
import it.pecgateway.receipts.mime.MimeScanner;
import it.pecgateway.receipts.mime.TransferDecoding;
import it.pecgateway.receipts.smime.SignatureReport;
import it.pecgateway.receipts.smime.SignatureVerifier;
import it.pecgateway.receipts.smime.TrustPolicy;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Classifies any received message (digest 8, 9.3): scans its MIME tree once (bounded), verifies the signature over
 * the raw bytes, reads daticert.xml and checks that headers, daticert and structure agree. Never throws: every
 * problem becomes a {@link Classification} with its reason.
 */
public final class PecReader {
    private final SignatureVerifier verifier;

    public PecReader(TrustPolicy policy, Clock clock) {
        this.verifier = new SignatureVerifier(policy, clock);
    }

    /** The incoming point's reader: only providers of the index are trusted. */
    public static PecReader forProviders(ProvidersIndex index, Clock clock) {
        return new PecReader(TrustPolicy.providers(index), clock);
    }

    public Classification classify(ByteSource message) {
        try {
            return classifyScanned(message, scan(message));
        } catch (IOException e) {
            return new Classification.Unreadable("cannot read the message: " + e.getMessage());
        } catch (MimeLimitException e) {
            return new Classification.Unreadable(e.getMessage());
        } catch (RuntimeException e) {
            return new Classification.Unreadable("cannot parse the message: " + e);
        }
    }

    private static MimeNode scan(ByteSource message) throws IOException, MimeLimitException {
        try (InputStream in = new BufferedInputStream(message.open(), 1 << 16)) {
            return MimeScanner.scan(in);
        }
    }

    private Classification classifyScanned(ByteSource message, MimeNode root) {
        HeaderSection h = root.headers();
        if (h.isEmpty()) {
            return new Classification.Unreadable("no header section");
        }
        PecHeaders headers = PecHeaders.of(h);
        Optional<String> trasporto = h.value("X-Trasporto").map(PecReader::lower);
        Optional<String> ricevuta = h.value("X-Ricevuta").map(PecReader::lower);
        if (trasporto.isEmpty() && ricevuta.isEmpty()) {
            return new Classification.NotPec(headers, "no X-Trasporto or X-Ricevuta header");
        }
        String claimed = trasporto.map(v -> "X-Trasporto: " + v).orElseGet(() -> "X-Ricevuta: " + ricevuta.get());
        if (trasporto.isPresent() && ricevuta.isPresent()) {
            return failed(claimed, headers, "both X-Trasporto and X-Ricevuta are present", Optional.empty(), null);
        }
        Parts parts = Parts.of(root);
        Optional<Daticert> daticert = Optional.empty();
        String daticertProblem = "no daticert.xml part";
        if (parts.daticert().isPresent()) {
            try {
                daticert = Optional.of(readDaticert(message, parts.daticert().get()));
            } catch (DaticertException | IOException e) {
                daticertProblem = "daticert.xml: " + e.getMessage();
            }
        }
        SignatureReport signature = verifier.verify(message, root, daticert.flatMap(CertifiedTimes::of),
                headers.from());
        if (!signature.valid()) {
            return failed(claimed, headers, "signature: " + signature.reason(), daticert, signature);
        }
        Optional<ByteSource> postacert = parts.postacert().map(p -> message.slice(p.bodyStart(), p.bodyEnd()));
        if (trasporto.isPresent() && trasporto.get().equals("errore")) {
            return new Classification.AnomalyEnvelope(headers, signature, postacert);
        }
        if (daticert.isEmpty()) {
            return failed(claimed, headers, daticertProblem, daticert, signature);
        }
        Daticert d = daticert.get();
        if (trasporto.isPresent()) {
            if (!trasporto.get().equals("posta-certificata")) {
                return failed(claimed, headers, "unknown X-Trasporto value " + trasporto.get(), daticert, signature);
            }
            if (d.tipo() != DaticertTipo.POSTA_CERTIFICATA) {
                return failed(claimed, headers, "daticert tipo is " + d.tipo().value() + " in a transport envelope",
                        daticert, signature);
            }
            if (postacert.isEmpty()) {
                return failed(claimed, headers, "transport envelope without postacert.eml", daticert, signature);
            }
            return new Classification.TransportEnvelope(headers, d, signature, postacert.get());
        }
        Optional<DaticertTipo> tipo = DaticertTipo.fromValue(ricevuta.get());
        if (tipo.isEmpty() || tipo.get() == DaticertTipo.POSTA_CERTIFICATA) {
            return failed(claimed, headers, "unknown X-Ricevuta value " + ricevuta.get(), daticert, signature);
        }
        if (tipo.get() != d.tipo()) {
            return failed(claimed, headers, "X-Ricevuta says " + ricevuta.get() + " but daticert tipo is "
                    + d.tipo().value(), daticert, signature);
        }
        boolean security = h.value("X-VerificaSicurezza").map(v -> lower(v).equals("errore")).orElse(false);
        ReceiptKind kind = ReceiptKinds.of(d, security, postacert.isPresent());
        return new Classification.Receipt(kind, headers, d, signature, postacert);
    }

    private static Daticert readDaticert(ByteSource message, MimeNode part) throws IOException, DaticertException {
        byte[] xml = TransferDecoding.decode(message.slice(part.bodyStart(), part.bodyEnd()), part.transferEncoding(),
                DaticertParser.MAX_BYTES);
        return DaticertParser.parse(xml);
    }

    private static Classification failed(String claimed, PecHeaders headers, String reason,
            Optional<Daticert> daticert, SignatureReport signature) {
        return new Classification.FailedPec(claimed, headers, reason, daticert, Optional.ofNullable(signature));
    }

    private static String lower(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
