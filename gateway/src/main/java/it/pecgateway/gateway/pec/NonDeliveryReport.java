package it.pecgateway.gateway.pec;

import it.pecgateway.receipts.mime.HeaderField;
import it.pecgateway.receipts.mime.HeaderSection;
import it.pecgateway.receipts.mime.HeaderText;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A delivery status notification (RFC 3464) for a message we could not relay to an ordinary Internet address:
 * {@code multipart/report; report-type=delivery-status} with a human text (Italian, then English), the
 * machine-readable {@code message/delivery-status} and the failed message's header section only (the message may
 * be large, and its holder has it anyway). It is never sent as it is: the caller wraps it in an anomaly envelope.
 */
final class NonDeliveryReport {
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    /** An SMTP reply line: basic code, then optionally an enhanced status code (RFC 3463) after a blank or dash. */
    private static final Pattern REPLY = Pattern.compile("^([2-5])\\d\\d(?:[ -]([2-5])\\.(\\d{1,3})\\.(\\d{1,3})(?=[\\s,;:]|$)|[ -]|$)");
    static final String SUBJECT = "Messaggio non consegnato / Undelivered Mail Returned to Sender";

    /**
     * One recipient that failed for good.
     *
     * @param detail       the last attempt's outcome: the remote SMTP reply, or our description (connect, timeout, DNS)
     * @param expiredAfter present when the message waited the maximum queue age; empty for a permanent refusal
     * @param arrival      when the message entered our queue
     */
    record Failure(String recipient, String detail, Optional<Duration> expiredAfter, Instant arrival, Instant lastAttempt) {

        /** The remote server's reply, when the last attempt got one (a description of ours is not a reply). */
        Optional<String> remoteReply() {
            String line = detail.lines().findFirst().orElse("").trim();
            return REPLY.matcher(line).find() ? Optional.of(line) : Optional.empty();
        }

        /**
         * The enhanced status of the remote reply when it has one of the reply's own class (RFC 3463 requires the
         * same class; a mismatched one is not trusted); otherwise 5.0.0 for a refusal, 4.4.7 (delivery time
         * expired) when the queue gave up.
         */
        String status() {
            Optional<String> reply = remoteReply();
            if (reply.isPresent()) {
                Matcher m = REPLY.matcher(reply.get());
                if (m.find() && m.group(2) != null && m.group(2).equals(m.group(1))) {
                    return m.group(2) + "." + Integer.parseInt(m.group(3)) + "." + Integer.parseInt(m.group(4));
                }
            }
            return expiredAfter.isPresent() ? "4.4.7" : "5.0.0";
        }
    }

    private final String serviceAddress;
    private final String reportingMta;

    /**
     * @param serviceAddress the provider's service address, the report's From (digest 5.7: posta-certificata@domain)
     * @param reportingMta   this node's host name, for {@code Reporting-MTA: dns;}
     */
    NonDeliveryReport(String serviceAddress, String reportingMta) {
        this.serviceAddress = serviceAddress;
        this.reportingMta = reportingMta;
    }

    /** @param original the failed message's header section; @param to the local mailbox that receives the report */
    byte[] render(Failure f, HeaderSection original, String to, Instant now) {
        String domain = serviceAddress.substring(serviceAddress.indexOf('@') + 1);
        String boundary = "=_dsn_" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, HeaderText.field("From", serviceAddress)
                + HeaderText.field("To", HeaderText.clean(to))
                + HeaderText.field("Subject", SUBJECT)
                + HeaderText.field("Date", DATE.format(now.atZone(ServiceMail.ROME)))
                + HeaderText.field("Message-ID", "<dsn." + UUID.randomUUID() + "@" + domain + ">")
                // RFC 3834: an automatic answer; nobody should answer it automatically again
                + "Auto-Submitted: auto-replied\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"" + boundary + "\"\r\n\r\n");
        write(out, "--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(text(f, original).getBytes(StandardCharsets.UTF_8)) + "\r\n");
        write(out, "--" + boundary + "\r\n"
                + "Content-Type: message/delivery-status\r\n\r\n"
                + HeaderText.field("Reporting-MTA", "dns; " + HeaderText.clean(reportingMta))
                + HeaderText.field("Arrival-Date", DATE.format(f.arrival().atZone(ServiceMail.ROME)))
                + "\r\n"
                + HeaderText.field("Final-Recipient", "rfc822; " + HeaderText.clean(f.recipient()))
                + "Action: failed\r\n"
                + "Status: " + f.status() + "\r\n"
                + f.remoteReply().map(r -> HeaderText.field("Diagnostic-Code", "smtp; " + HeaderText.clean(r))).orElse("")
                + HeaderText.field("Last-Attempt-Date", DATE.format(f.lastAttempt().atZone(ServiceMail.ROME))));
        boolean eightBit = original.fields().stream().anyMatch(NonDeliveryReport::hasEightBit);
        write(out, "\r\n--" + boundary + "\r\n"
                + "Content-Type: text/rfc822-headers\r\n"
                + (eightBit ? "Content-Transfer-Encoding: 8bit\r\n" : "") + "\r\n");
        for (HeaderField field : original.fields()) {
            out.writeBytes(crlf(field.raw()));
        }
        write(out, "\r\n--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static String text(Failure f, HeaderSection original) {
        String subject = HeaderText.clean(original.value("Subject").map(HeaderText::decode).orElse(""));
        String recipient = HeaderText.clean(f.recipient());
        Optional<String> reply = f.remoteReply().map(HeaderText::clean);
        StringBuilder s = new StringBuilder();
        s.append("Il messaggio \"").append(subject).append("\" non è stato consegnato a ").append(recipient).append(".\n");
        s.append(f.expiredAfter()
                .map(age -> "Il server del destinatario non lo ha accettato entro " + italian(age) + ": il tentativo è stato abbandonato.\n")
                .orElse("Il server del destinatario lo ha rifiutato in modo definitivo.\n"));
        reply.ifPresentOrElse(r -> s.append("Risposta del server remoto: ").append(r).append('\n'),
                () -> s.append("Ultimo errore: ").append(HeaderText.clean(f.detail())).append('\n'));
        s.append("Le intestazioni del messaggio sono allegate.\n\n");
        s.append("Your message \"").append(subject).append("\" could not be delivered to ").append(recipient).append(".\n");
        s.append(f.expiredAfter()
                .map(age -> "The recipient's server did not accept it within " + english(age) + "; delivery has been given up.\n")
                .orElse("The recipient's server refused it permanently.\n"));
        reply.ifPresentOrElse(r -> s.append("Remote server reply: ").append(r).append('\n'),
                () -> s.append("Last error: ").append(HeaderText.clean(f.detail())).append('\n'));
        s.append("The headers of your message are attached.\n");
        return s.toString().replace("\n", "\r\n");
    }

    private static String italian(Duration d) {
        return d.toHours() > 0 && d.toMinutesPart() == 0 ? d.toHours() + " ore" : d.toSeconds() + " secondi";
    }

    private static String english(Duration d) {
        return d.toHours() > 0 && d.toMinutesPart() == 0 ? d.toHours() + " hours" : d.toSeconds() + " seconds";
    }

    private static boolean hasEightBit(HeaderField field) {
        for (byte b : field.raw()) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    /** Header lines as stored may end in a bare LF; the report is CRLF throughout. */
    private static byte[] crlf(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace("\n", "\r\n");
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void write(ByteArrayOutputStream out, String ascii) {
        out.writeBytes(ascii.getBytes(StandardCharsets.UTF_8));
    }
}
