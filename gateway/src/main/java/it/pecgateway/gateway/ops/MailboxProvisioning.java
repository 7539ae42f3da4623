package it.pecgateway.gateway.ops;

import it.pecgateway.gateway.ops.Permissions.Action;
import it.pecgateway.mailstore.Holder;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.NewMailbox;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An organisation's mailbox requests: created INACTIVE with the holder's tax code and recovery contacts, and an
 * activation link sent to the recovery address; or, given a password by an operator, ACTIVE at once.
 */
public final class MailboxProvisioning {
    private final OpsContext ctx;
    private final MailboxLifecycle lifecycle;
    private final PasswordResets resets;
    private final Passwords passwords;

    public MailboxProvisioning(OpsContext ctx, MailboxLifecycle lifecycle, PasswordResets resets, Passwords passwords) {
        this.ctx = ctx;
        this.lifecycle = lifecycle;
        this.resets = resets;
        this.passwords = passwords;
    }

    /** @param requireHolder see {@link NewMember#validated} */
    public Mailbox create(Actor actor, NewMember request, Optional<char[]> password, boolean requireHolder) {
        NewMember m = request.validated(requireHolder, LocalDate.now(ctx.clock().withZone(MailboxLifecycle.ITALY)),
                ctx.store().accounts()::hostsDomain);
        Permissions.require(actor, Action.CREATE_MAILBOX, m.address());
        if (!ctx.store().accounts().hostsDomain(OpsContext.domainOf(m.address()))) {
            throw OpsException.notFound(OpsContext.domainOf(m.address()) + " is not a PEC domain hosted here");
        }
        if (ctx.findMailbox(m.address()).isPresent()) {
            throw OpsException.conflict("mailbox " + m.address() + " exists already");
        }
        if (password.isPresent()) {
            Permissions.require(actor, Action.SET_PASSWORD, m.address());
            passwords.check(Optional.empty(), password.get());
        }
        try {
            return ctx.store().inTransaction(tx -> {
                MailboxState state = password.isPresent() ? MailboxState.ACTIVE : MailboxState.INACTIVE;
                Optional<java.time.Instant> expiry = m.expiresOn().map(MailboxLifecycle::endOf)
                        .or(() -> password.map(p -> lifecycle.validFrom(ctx.now())));
                Mailbox created = tx.accounts().createMailbox(new NewMailbox(m.address(), password, state, expiry,
                        m.quotaBytes().orElse(0L)));
                tx.accounts().setHolder(created.address(), new Holder(m.taxCode(), m.recoveryEmail(), m.phone()));
                ctx.log().record(tx, ctx.now(), actor, OpsEvent.MAILBOX_CREATED, created.address(),
                        MailboxLifecycle.name(state) + expiry.map(e -> ", valid until " + e).orElse(""));
                if (state == MailboxState.INACTIVE && m.recoveryEmail().isPresent()) {
                    resets.sendLink(tx, actor, created, m.recoveryEmail().get());
                }
                return tx.accounts().find(created.address()).orElseThrow();
            });
        } catch (MailStoreException e) {
            if (e.reason() == MailStoreException.Reason.ALREADY_EXISTS) {
                throw OpsException.conflict("mailbox " + m.address() + " exists already");
            }
            throw e;
        } finally {
            password.ifPresent(p -> Arrays.fill(p, '\0'));
        }
    }

    /** Mailboxes of one domain, or (operators) of all. */
    public List<Mailbox> list(Actor actor, Optional<String> domain) {
        Permissions.require(actor, Action.LIST_MAILBOXES, domain.orElse(""));
        return ctx.store().accounts().list(domain.map(d -> d.toLowerCase(java.util.Locale.ROOT)));
    }

    /** An operator corrects the holder's data (no confirmation code: the operator has the organisation's word). */
    public void setHolder(Actor actor, String address, NewMember changes) {
        Permissions.require(actor, Action.SET_HOLDER, address);
        Mailbox mailbox = ctx.mailbox(address);
        NewMember m = new NewMember(mailbox.address(), changes.taxCode(), changes.recoveryEmail(), changes.phone(),
                Optional.empty(), Optional.empty()).validated(false, LocalDate.MIN, ctx.store().accounts()::hostsDomain);
        Holder current = ctx.store().accounts().holder(mailbox.address());
        Holder next = new Holder(m.taxCode().or(current::taxCode), m.recoveryEmail().or(current::recoveryEmail),
                m.phone().or(current::recoveryPhone));
        ctx.store().inTransaction(tx -> {
            tx.accounts().setHolder(mailbox.address(), next);
            ctx.log().record(tx, ctx.now(), actor, OpsEvent.HOLDER_CHANGED, mailbox.address(),
                    "recovery e-mail " + next.recoveryEmail().orElse("none") + ", phone "
                            + next.recoveryPhone().map(it.pecgateway.gateway.ops.sms.PhoneNumbers::masked).orElse("none"));
            return null;
        });
    }
}
