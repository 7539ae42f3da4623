package it.pecgateway.gateway.ops;

import it.pecgateway.gateway.ops.Permissions.Action;
import it.pecgateway.mailstore.Holder;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.Messages.QuotaUsage;
import java.time.Instant;
import java.util.Optional;

/** What a mailbox looks like to those allowed to see it: state, dates, quota, counts, settings, holder. */
public final class MailboxStatus {

    /** @param graceEndsAt when an expired mailbox will be deleted */
    public record View(Mailbox mailbox, Optional<Instant> graceEndsAt, QuotaUsage quota, Holder holder) { }

    private final OpsContext ctx;
    private final MailboxLifecycle lifecycle;

    MailboxStatus(OpsContext ctx, MailboxLifecycle lifecycle) {
        this.ctx = ctx;
        this.lifecycle = lifecycle;
    }

    public View view(Actor actor, String address) {
        Permissions.require(actor, Action.VIEW_MAILBOX, address);
        Mailbox m = ctx.mailbox(address);
        return new View(m, lifecycle.graceEnd(m), ctx.store().messages().quota(m.id()), ctx.store().accounts().holder(m.address()));
    }
}
