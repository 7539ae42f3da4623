package it.pecgateway.gateway.pec;

import it.pecgateway.certs.ProviderEntry;
import it.pecgateway.certs.ProvidersIndex;
import it.pecgateway.gateway.antivirus.VirusScanner;
import it.pecgateway.gateway.smtp.SmtpEnvelope;
import it.pecgateway.gateway.smtp.SmtpReplies;
import it.pecgateway.gateway.smtp.SmtpReply;
import it.pecgateway.gateway.smtp.SmtpSessionView;
import it.pecgateway.gateway.smtp.SmtpTransactionHandler;
import it.pecgateway.gateway.smtp.SpooledMessage;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.read.Classification;
import it.pecgateway.receipts.read.PecReader;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incoming point on port 25 (digest 9.3): classifies what arrives against the current providers index and
 * hands it on. A valid transport envelope is taken in charge and delivered; a valid receipt goes to the addressed
 * mailbox (and updates the sender side's tracking); a message signed by a known provider but malformed becomes an
 * anomaly envelope; anything else is ordinary mail and follows each mailbox's rule.
 */
public final class IncomingPoint implements SmtpTransactionHandler {
    private static final Logger log = LoggerFactory.getLogger(IncomingPoint.class);

    private final Supplier<ProvidersIndex> index;
    private final Clock clock;
    private final VirusScanner scanner;
    private final IncomingEnvelopes envelopes;
    private final IncomingReceipts receipts;
    private final OrdinaryMail ordinary;
    private final PecMetrics metrics;

    IncomingPoint(Supplier<ProvidersIndex> index, Clock clock, VirusScanner scanner, IncomingEnvelopes envelopes,
                  IncomingReceipts receipts, OrdinaryMail ordinary, PecMetrics metrics) {
        this.index = index;
        this.clock = clock;
        this.scanner = scanner;
        this.envelopes = envelopes;
        this.receipts = receipts;
        this.ordinary = ordinary;
        this.metrics = metrics;
    }

    @Override
    public SmtpReply message(SmtpSessionView session, SmtpEnvelope envelope, SpooledMessage spooled) {
        ByteSource message = AccessPoint.sourceOf(spooled);
        // as the mailstore names them (lower case): receipts, claims and the log then name each mailbox one way,
        // however the peer typed RCPT TO, and a resend in another case is recognised as the same delivery
        List<String> recipients = envelope.recipients().stream().map(p -> p.address().toLowerCase(Locale.ROOT)).toList();
        ProvidersIndex snapshot = index.get();
        Classification c = PecReader.forProviders(snapshot, clock).classify(message);
        SmtpReply reply = handle(c, snapshot, envelope, message, recipients);
        if (reply.isPositive()) {
            metrics.message(receivedKind(c, snapshot), PecMetrics.Direction.RECEIVED);
        }
        return reply;
    }

    /** What was taken in, as counted: a transport envelope only when its signer is a provider of the index. */
    private static PecMetrics.Kind receivedKind(Classification c, ProvidersIndex snapshot) {
        if (c instanceof Classification.TransportEnvelope te) {
            return te.signature().signer().flatMap(snapshot::providerOfCertificate).isPresent()
                    ? PecMetrics.Kind.TRANSPORT_ENVELOPE : PecMetrics.Kind.ORDINARY;
        }
        if (c instanceof Classification.Receipt r) {
            return PecMetrics.Kind.of(r.kind());
        }
        return c instanceof Classification.AnomalyEnvelope ? PecMetrics.Kind.ANOMALY_ENVELOPE : PecMetrics.Kind.ORDINARY;
    }

    private SmtpReply handle(Classification c, ProvidersIndex snapshot, SmtpEnvelope envelope, ByteSource message,
                             List<String> recipients) {
        try {
            if (c instanceof Classification.TransportEnvelope te) {
                Optional<ProviderEntry> provider = te.signature().signer().flatMap(snapshot::providerOfCertificate);
                if (provider.isEmpty()) {
                    return ordinary.handle(envelope, message, "firma non riconducibile a un gestore dell'indice", recipients);
                }
                VirusScanner.ScanResult scan = scanner.scan(AccessPoint.bodyOf(message));
                if (scan.verdict() == VirusScanner.Verdict.ERROR) {
                    return SmtpReplies.LOCAL_ERROR;
                }
                return envelopes.handle(te, message, recipients, provider.get(), scan);
            }
            if (c instanceof Classification.Receipt r) {
                return receipts.handle(r, message, recipients);
            }
            if (c instanceof Classification.AnomalyEnvelope a) {
                return receipts.storeAsIs(a, message, recipients);
            }
            if (c instanceof Classification.FailedPec failed && failed.signature().map(s -> s.valid()).orElse(false)) {
                return ordinary.anomalyForAll(envelope, message, "messaggio firmato ma non conforme: " + failed.reason(), recipients);
            }
            return ordinary.handle(envelope, message, reason(c), recipients);
        } catch (MailStoreException e) {
            log.error("store failed on incoming mail from {}", envelope.sender(), e);
            return SmtpReplies.LOCAL_ERROR;
        } catch (IOException e) {
            log.error("cannot process incoming mail from {}", envelope.sender(), e);
            return SmtpReplies.LOCAL_ERROR;
        }
    }

    private static String reason(Classification c) {
        if (c instanceof Classification.FailedPec f) {
            return "la firma digitale del messaggio non risulta attendibile (" + f.reason() + ")";
        }
        return "messaggio di posta ordinaria, non certificato";
    }
}
