package it.pecgateway.gateway.smtp;

import java.util.regex.Pattern;

/**
 * One SMTP reply: the basic code, the RFC 3463 enhanced status code and a human text. Texts never carry exception
 * messages or secrets; they are fixed strings from {@link SmtpReplies} or built from values we checked.
 */
public record SmtpReply(int code, String status, String text) {
    private static final Pattern STATUS = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");

    public SmtpReply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("not an SMTP reply code: " + code);
        }
        boolean intermediate = code / 100 == 3;
        if (!intermediate && (!STATUS.matcher(status).matches() || status.charAt(0) - '0' != code / 100)) {
            throw new IllegalArgumentException("enhanced status " + status + " does not fit reply " + code);
        }
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a reply text is one line");
        }
    }

    /** The same reply with another text (for example naming the identificativo). */
    public SmtpReply withText(String newText) {
        return new SmtpReply(code, status, newText);
    }

    public boolean isPositive() {
        return code < 400;
    }

    public boolean isPermanentFailure() {
        return code >= 500;
    }

    /** The wire form without CRLF. Intermediate (3xx) replies carry no enhanced status (RFC 2034). */
    public String line() {
        return status.isEmpty() ? code + " " + text : code + " " + status + " " + text;
    }

    @Override
    public String toString() {
        return line();
    }
}
