package it.pecgateway.gateway.admin;

import it.pecgateway.gateway.ops.HolderSettings;
import it.pecgateway.gateway.ops.MailboxStatus;
import it.pecgateway.mailstore.Mailbox;
import java.util.Locale;

/** A mailbox as {@code mailbox show} prints it: one {@code name: value} line each. */
final class MailboxText {
    private MailboxText() {
    }

    static String show(MailboxStatus.View v) {
        Mailbox m = v.mailbox();
        return "address: " + m.address() + "\n"
                + "state: " + m.state().name().toLowerCase(Locale.ROOT) + "\n"
                + "created: " + m.createdAt() + "\n"
                + "expires: " + m.expiresAt().map(Object::toString).orElse("never") + "\n"
                + v.graceEndsAt().map(g -> "deleted after: " + g + "\n").orElse("")
                + "quota: " + v.quota().usedBytes() + " of " + (v.quota().limitBytes() == 0 ? "unlimited" : v.quota().limitBytes())
                + " bytes, " + v.quota().messages() + " messages\n"
                + "tax code: " + v.holder().taxCode().orElse("-") + "\n"
                + "recovery e-mail: " + v.holder().recoveryEmail().orElse("-") + "\n"
                + "recovery phone: " + v.holder().recoveryPhone().orElse("-") + "\n"
                + "settings: " + HolderSettings.describe(m.settings()) + "\n";
    }
}
