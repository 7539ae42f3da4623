package it.pecgateway.receipts.read;

import it.pecgateway.receipts.mime.HeaderSection;
import it.pecgateway.receipts.mime.HeaderText;
import java.util.Optional;

/**
 * The top-level fields a reader reports, decoded for display.
 *
 * @param from            the address in From (the angle address when there is a display name)
 * @param referenceId     X-Riferimento-Message-ID
 */
public record PecHeaders(String from, Optional<String> to, Optional<String> cc, Optional<String> subject,
        Optional<String> date, Optional<String> messageId, Optional<String> referenceId) {

    static PecHeaders of(HeaderSection h) {
        return new PecHeaders(address(h.value("From").orElse("")), h.value("To"), h.value("Cc"),
                h.value("Subject").map(HeaderText::decode), h.value("Date"), h.value("Message-ID"),
                h.value("X-Riferimento-Message-ID"));
    }

    /** The addr-spec of a From value: inside angle brackets if any, else the whole value. */
    static String address(String value) {
        int open = value.lastIndexOf('<');
        int close = value.lastIndexOf('>');
        if (open >= 0 && close > open) {
            return value.substring(open + 1, close).trim();
        }
        return value.trim();
    }
}
