package it.pecgateway.gateway.ops.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import it.pecgateway.gateway.ops.HolderSettings;
import it.pecgateway.gateway.ops.MailboxStatus;
import it.pecgateway.mailstore.Holder;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxSettings;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Mailboxes, settings and holders as the API shows them (docs/operations.md has every field). */
final class MailboxJson {
    private MailboxJson() {
    }

    static ObjectNode summary(Mailbox m) {
        ObjectNode o = Json.object().put("address", m.address()).put("state", m.state().name().toLowerCase(Locale.ROOT))
                .put("createdAt", m.createdAt().toString());
        time(o, "expiresAt", m.expiresAt());
        return o;
    }

    static ObjectNode full(MailboxStatus.View v) {
        ObjectNode o = summary(v.mailbox());
        time(o, "graceEndsAt", v.mailbox().state() == it.pecgateway.mailstore.MailboxState.EXPIRED ? v.graceEndsAt() : Optional.empty());
        o.putObject("quota").put("usedBytes", v.quota().usedBytes()).put("limitBytes", v.quota().limitBytes());
        o.put("messages", v.quota().messages());
        o.set("settings", settings(v.mailbox().settings()));
        o.set("holder", holder(v.holder()));
        return o;
    }

    static ObjectNode settings(MailboxSettings s) {
        ObjectNode o = Json.object();
        ObjectNode rule = o.putObject("ordinaryMail").put("rule", HolderSettings.ruleName(s.ordinaryMail()));
        s.forwardTo().or(s::folder).ifPresentOrElse(t -> rule.put("target", t), () -> rule.putNull("target"));
        ObjectNode notices = o.putObject("arrivalNotices");
        s.notifyAddresses().forEach(notices.putArray("to")::add);
        s.notifyOnlyFrom().forEach(notices.putArray("onlyFrom")::add);
        if (!notices.has("to")) {
            notices.putArray("to");
        }
        if (!notices.has("onlyFrom")) {
            notices.putArray("onlyFrom");
        }
        o.put("description", HolderSettings.describe(s));
        return o;
    }

    static ObjectNode holder(Holder h) {
        ObjectNode o = Json.object();
        text(o, "taxCode", h.taxCode());
        text(o, "recoveryEmail", h.recoveryEmail());
        text(o, "recoveryPhone", h.recoveryPhone());
        return o;
    }

    private static void time(ObjectNode o, String name, Optional<Instant> t) {
        t.ifPresentOrElse(v -> o.put(name, v.toString()), () -> o.putNull(name));
    }

    private static void text(ObjectNode o, String name, Optional<String> t) {
        t.ifPresentOrElse(v -> o.put(name, v), () -> o.putNull(name));
    }
}
