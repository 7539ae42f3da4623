package it.pecgateway.receipts;

import it.pecgateway.certs.SigningIdentity;
import it.pecgateway.receipts.daticert.Daticert;
import it.pecgateway.receipts.daticert.DaticertTipo;
import it.pecgateway.receipts.daticert.Errore;
import it.pecgateway.receipts.mime.BriefTransform;
import it.pecgateway.receipts.smime.SmimeSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry point for generating every PEC system message (digest 4.1). One method per kind; each takes plain
 * records, writes one signed message to the given stream (CRLF, 7-bit text parts) and returns its Message-ID.
 * Pure apart from the injected {@link Clock} and {@link IdGenerator}; thread-safe.
 *
 * <p>Call {@link #now()} once per transaction and put that value in the {@link Transaction}: the acceptance receipt
 * and the transport envelope of one submission then carry the same time (digest 9.10).
 */
public final class PecMessages {
    private final PecSettings settings;
    private final Emitter emitter;
    private final Envelopes envelopes;
    private final Clock clock;

    /** @throws IllegalArgumentException when the service address is not the certificate's rfc822Name */
    public PecMessages(PecSettings settings, SigningIdentity identity, Clock clock, IdGenerator ids) {
        this(settings, identity, clock, ids, SigningObserver.NONE);
    }

    /** @param signing told the duration of every signature (metrics) */
    public PecMessages(PecSettings settings, SigningIdentity identity, Clock clock, IdGenerator ids, SigningObserver signing) {
        this.settings = Objects.requireNonNull(settings);
        this.emitter = new Emitter(settings, new SignedMessageWriter(new SmimeSigner(identity,
                settings.serviceAddress()), Objects.requireNonNull(signing)), Objects.requireNonNull(ids));
        this.envelopes = new Envelopes(emitter);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The single time value of a new transaction. */
    public CertifiedTime now() {
        return CertifiedTime.now(clock);
    }

    /** A new identificativo (digest 7.1): {@code opec.<yyyyMMddHHmmss>.<token>@<service domain>}. */
    public String newIdentificativo(CertifiedTime time) {
        return emitter.newId(time);
    }

    /** #1 Busta di trasporto: the original goes in as postacert.eml with its Message-ID replaced (digest 5.1). */
    public Emitted transportEnvelope(Transaction t, ByteSource original, OutputStream out) throws IOException {
        return envelopes.transportEnvelope(t, original, out);
    }

    /** #2 Ricevuta di accettazione (digest 5.2). */
    public Emitted acceptance(Transaction t, OutputStream out) throws IOException {
        Daticert d = Certification.simple(DaticertTipo.ACCETTAZIONE, Errore.NESSUNO, t, settings.providerName());
        return emitter.receipt(MessageKind.ACCEPTANCE, t, t.sender(), Bodies.acceptance(t), d, Optional.empty(), out);
    }

    /** #3 Avviso di non accettazione per eccezioni formali (digest 5.3); {@code reason} in Italian. */
    public Emitted nonAcceptance(Transaction t, String reason, OutputStream out) throws IOException {
        Daticert d = Certification.of(DaticertTipo.NON_ACCETTAZIONE, Errore.ALTRO, t, settings.providerName(),
                Optional.empty(), Optional.empty(), List.of(), Optional.of(reason));
        return emitter.receipt(MessageKind.NON_ACCEPTANCE, t, t.sender(), Bodies.nonAcceptance(t, reason), d, Optional.empty(),
                out);
    }

    /** #4 Avviso di non accettazione per virus (digest 5.4); {@code finding} names what the antivirus found. */
    public Emitted nonAcceptanceForVirus(Transaction t, String finding, OutputStream out) throws IOException {
        Daticert d = Certification.of(DaticertTipo.NON_ACCETTAZIONE, Errore.VIRUS, t, settings.providerName(),
                Optional.empty(), Optional.empty(), List.of(), Optional.of(virusText(finding)));
        return emitter.receipt(MessageKind.NON_ACCEPTANCE_VIRUS, t, t.sender(), Bodies.nonAcceptanceVirus(t, finding), d,
                Optional.empty(), out);
    }

    /**
     * #5 Ricevuta di presa in carico (digest 5.5), to the sender provider's service mailbox ({@code mailReceipt}).
     *
     * @param covered the recipients of this provider that the notice covers ({@code ricezione})
     */
    public Emitted takeInCharge(Transaction t, List<String> covered, String senderProviderMailbox, OutputStream out)
            throws IOException {
        Daticert d = Certification.of(DaticertTipo.PRESA_IN_CARICO, Errore.NESSUNO, t, settings.providerName(),
                Optional.empty(), Optional.empty(), covered, Optional.empty());
        return emitter.receipt(MessageKind.TAKE_IN_CHARGE, t, senderProviderMailbox, Bodies.takeInCharge(t, covered), d,
                Optional.empty(), out);
    }

    /**
     * #6 Ricevuta di avvenuta consegna for one recipient (digest 5.6), in the form the table of 5.6 gives: Cc
     * recipients get the concise form, primary ones the requested form.
     *
     * @param postacert the postacert.eml of the delivered envelope; needed for the complete and brief forms
     */
    public Emitted delivery(Transaction t, String recipient, Optional<ByteSource> postacert, OutputStream out)
            throws IOException {
        ReceiptType form = DeliveryForms.formFor(t, recipient);
        if (form != ReceiptType.SINTETICA && postacert.isEmpty()) {
            throw new IllegalArgumentException("a " + form.value() + " delivery receipt needs the postacert.eml");
        }
        Daticert d = Certification.of(DaticertTipo.AVVENUTA_CONSEGNA, Errore.NESSUNO, t, settings.providerName(),
                Optional.of(t.receiptType()), Optional.of(recipient), List.of(), Optional.empty());
        Optional<Attachment> attachment = switch (form) {
            case SINTETICA -> Optional.empty();
            case COMPLETA -> Optional.of(verbatim(postacert.get()));
            case BREVE -> Optional.of(brief(postacert.get()));
        };
        Emitted e = emitter.receipt(MessageKind.DELIVERY, t, t.sender(), Bodies.delivery(t, recipient, form), d, attachment, out);
        return new Emitted(e.messageId(), e.kind(), Optional.of(form));
    }

    /** #7 Avviso di mancata consegna for one recipient (digest 5.7, codes of section 11). */
    public Emitted nonDelivery(Transaction t, String recipient, DeliveryError error, OutputStream out)
            throws IOException {
        String esteso = error.erroreEsteso(settings.providerName());
        Daticert d = Certification.of(DaticertTipo.ERRORE_CONSEGNA, error.errore(), t, settings.providerName(),
                Optional.empty(), Optional.of(recipient), List.of(), Optional.of(esteso));
        return emitter.receipt(MessageKind.NON_DELIVERY, t, t.sender(), Bodies.nonDelivery(t, recipient, esteso), d,
                Optional.empty(), out);
    }

    /** #8a The 12-hour notice (digest 5.8): neither take-in-charge nor delivery within 12 hours. */
    public Emitted timeout12h(Transaction t, String recipient, OutputStream out) throws IOException {
        return timeout(t, recipient, false, out);
    }

    /** #8b The 24-hour notice: errore-esteso starts with 5.4.1, which marks it final (digest 11.3, 13 #8). */
    public Emitted timeout24h(Transaction t, String recipient, OutputStream out) throws IOException {
        return timeout(t, recipient, true, out);
    }

    /** #9 Avviso di rilevazione virus, to the sender provider's service mailbox, with X-Mittente (digest 5.9). */
    public Emitted virusDetection(Transaction t, String recipient, String finding, String senderProviderMailbox,
            OutputStream out) throws IOException {
        Daticert d = Certification.of(DaticertTipo.RILEVAZIONE_VIRUS, Errore.VIRUS, t, settings.providerName(),
                Optional.empty(), Optional.of(recipient), List.of(), Optional.of(virusText(finding)));
        MessageKind kind = MessageKind.VIRUS_DETECTION;
        String id = emitter.newId(t.time());
        Headers headers = Headers.receipt(kind, t.time(), settings.serviceAddress(), senderProviderMailbox, t, id)
                .add("X-Mittente", t.sender());
        emitter.write(out, headers, t.time(), Bodies.virusDetection(t, recipient, finding), Optional.of(d), Optional.empty());
        return new Emitted(id, kind, Optional.empty());
    }

    /** #10 Avviso di mancata consegna per virus, to the sending user, with X-VerificaSicurezza (digest 5.10). */
    public Emitted nonDeliveryForVirus(Transaction t, String recipient, String finding, OutputStream out)
            throws IOException {
        Daticert d = Certification.of(DaticertTipo.ERRORE_CONSEGNA, Errore.VIRUS, t, settings.providerName(),
                Optional.empty(), Optional.of(recipient), List.of(), Optional.of(virusText(finding)));
        return emitter.receipt(MessageKind.NON_DELIVERY_VIRUS, t, t.sender(), Bodies.nonDeliveryVirus(t, recipient, finding),
                d, Optional.empty(), out);
    }

    /**
     * #11 Busta di anomalia (digest 5.11): the whole received message as postacert.eml, no daticert, the received
     * Message-ID kept.
     */
    public Emitted anomaly(AnomalyData a, ByteSource received, OutputStream out) throws IOException {
        return envelopes.anomaly(a, received, out);
    }

    private Emitted timeout(Transaction t, String recipient, boolean finalNotice, OutputStream out)
            throws IOException {
        String esteso = finalNotice
                ? "5.4.1 - " + settings.providerName() + " - messaggio non consegnato entro 24 ore"
                : "4.4.7 - " + settings.providerName() + " - messaggio non ancora consegnato dopo 12 ore";
        Daticert d = Certification.of(DaticertTipo.PREAVVISO_ERRORE_CONSEGNA, Errore.ALTRO, t, settings.providerName(),
                Optional.empty(), Optional.of(recipient), List.of(), Optional.of(esteso));
        return emitter.receipt(MessageKind.TIMEOUT, t, t.sender(), Bodies.timeout(t, recipient, finalNotice), d,
                Optional.empty(), out);
    }

    private static String virusText(String finding) {
        return "virus rilevato: " + finding;
    }

    private static Attachment verbatim(ByteSource source) {
        return out -> {
            try (OpenedOriginal opened = OpenedOriginal.open(source)) {
                opened.verbatim().writeTo(out);
            }
        };
    }

    private static Attachment brief(ByteSource source) {
        return out -> {
            try (InputStream in = source.open()) {
                it.pecgateway.receipts.mime.Crlf crlf = new it.pecgateway.receipts.mime.Crlf(out);
                BriefTransform.transform(in, crlf);
                crlf.flush();
            }
        };
    }
}
