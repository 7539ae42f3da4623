package it.pecgateway.gateway.ops;

import it.pecgateway.gateway.smtp.SmtpPath;
import java.util.Optional;

/** Address checks of the operations services, on the SMTP path grammar the rest of the gateway uses. */
public final class Addresses {
    private Addresses() {
    }

    /** The address with its domain in lower case, or empty when it is not a dot-atom address. */
    public static Optional<String> parse(String text) {
        return text == null ? Optional.empty() : SmtpPath.parseAddress(text.trim()).map(SmtpPath::address);
    }

    /** The address in the mailstore's form (lower case), or BAD_REQUEST naming the field. */
    public static String mailbox(String field, String text) {
        return parse(text).map(a -> a.toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> OpsException.badRequest(field + ": '" + text + "' is not an e-mail address"));
    }
}
