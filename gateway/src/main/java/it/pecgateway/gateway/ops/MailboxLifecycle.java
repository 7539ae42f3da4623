package it.pecgateway.gateway.ops;

import it.pecgateway.gateway.ops.Permissions.Action;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.StoreSession;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The state machine of a mailbox (docs/operations.md): INACTIVE until its holder sets a password, ACTIVE until its
 * expiry date, EXPIRED (read-only) for the grace period, then deleted by the life-cycle job; SUSPENDED by an
 * operator from ACTIVE or EXPIRED, and back. Renewal moves the expiry date and reactivates an expired mailbox.
 * Validity runs from activation (or renewal) for {@code lifecycle.validity-years} calendar years.
 */
public final class MailboxLifecycle {
    static final ZoneId ITALY = ZoneId.of("Europe/Rome");
    /**
     * The last expiry date people may give. ISO dates reach year 999999999 and the store keeps milliseconds (a long:
     * year 292 million): a date past either failed as an internal error. Four-digit years are plenty.
     */
    static final LocalDate LAST_EXPIRY_DAY = LocalDate.of(9999, 12, 31);

    private final OpsContext ctx;

    public MailboxLifecycle(OpsContext ctx) {
        this.ctx = ctx;
    }

    /** First password set: ACTIVE, and valid from now unless an expiry was given at creation. */
    void activate(StoreSession tx, Actor actor, Mailbox mailbox) {
        tx.accounts().setState(mailbox.address(), MailboxState.ACTIVE);
        Instant expiry = mailbox.expiresAt().orElseGet(() -> validFrom(ctx.now()));
        if (mailbox.expiresAt().isEmpty()) {
            tx.accounts().setExpiry(mailbox.address(), Optional.of(expiry));
        }
        ctx.log().record(tx, ctx.now(), actor, OpsEvent.MAILBOX_ACTIVATED, mailbox.address(), "valid until " + expiry);
    }

    public void suspend(Actor actor, String address, String reason) {
        Permissions.require(actor, Action.SUSPEND, address);
        Mailbox m = ctx.mailbox(address);
        if (m.state() != MailboxState.ACTIVE && m.state() != MailboxState.EXPIRED) {
            throw OpsException.conflict(address + " is " + name(m.state()) + ": only active or expired mailboxes are suspended");
        }
        ctx.store().inTransaction(tx -> {
            tx.accounts().setState(m.address(), MailboxState.SUSPENDED);
            tx.credentials().revokeAll(HolderSessions.KIND, m.address());
            ctx.log().record(tx, ctx.now(), actor, OpsEvent.MAILBOX_SUSPENDED, m.address(), reason);
            return null;
        });
    }

    /** Back to ACTIVE, or to EXPIRED when the expiry date passed meanwhile. */
    public MailboxState resume(Actor actor, String address) {
        Permissions.require(actor, Action.RESUME, address);
        Mailbox m = ctx.mailbox(address);
        if (m.state() != MailboxState.SUSPENDED) {
            throw OpsException.conflict(address + " is " + name(m.state()) + ", not suspended");
        }
        MailboxState next = m.expiresAt().filter(e -> !ctx.now().isBefore(e)).isPresent() ? MailboxState.EXPIRED : MailboxState.ACTIVE;
        ctx.store().inTransaction(tx -> {
            tx.accounts().setState(m.address(), next);
            ctx.log().record(tx, ctx.now(), actor, OpsEvent.MAILBOX_RESUMED, m.address(), "now " + name(next));
            return null;
        });
        return next;
    }

    /**
     * A new expiry date: the given day (valid through its end, Italian time), or the validity period added to the
     * later of now and the current expiry. An expired mailbox becomes active again.
     */
    public Instant renew(Actor actor, String address, Optional<LocalDate> until) {
        Permissions.require(actor, Action.RENEW, address);
        until.flatMap(MailboxLifecycle::tooFar).ifPresent(problem -> {
            throw OpsException.unprocessable("the new expiry date is too far ahead", java.util.List.of("until: " + problem));
        });
        Mailbox m = ctx.mailbox(address);
        Instant now = ctx.now();
        Instant expiry = until.map(MailboxLifecycle::endOf).orElseGet(() ->
                validFrom(m.expiresAt().filter(now::isBefore).orElse(now)));
        if (!expiry.isAfter(now)) {
            throw OpsException.unprocessable("the new expiry date must be in the future", java.util.List.of("until: " + until.orElseThrow()));
        }
        ctx.store().inTransaction(tx -> {
            tx.accounts().setExpiry(m.address(), Optional.of(expiry));
            // read again inside the transaction: the lifecycle job may have expired it since it was read above
            if (tx.accounts().find(m.address()).map(Mailbox::state).orElse(m.state()) == MailboxState.EXPIRED) {
                tx.accounts().setState(m.address(), MailboxState.ACTIVE);
            }
            ctx.log().record(tx, now, actor, OpsEvent.MAILBOX_RENEWED, m.address(), "valid until " + expiry);
            return null;
        });
        return expiry;
    }

    /** When an expired mailbox will be deleted. */
    public Optional<Instant> graceEnd(Mailbox m) {
        return m.expiresAt().map(e -> e.plus(ctx.settings().lifecycle().gracePeriod()));
    }

    Instant validFrom(Instant start) {
        return ZonedDateTime.ofInstant(start, ITALY).plusYears(ctx.settings().lifecycle().validityYears()).toInstant();
    }

    /** Why an expiry date given by people cannot be kept, if it cannot. */
    static Optional<String> tooFar(LocalDate day) {
        return day.isAfter(LAST_EXPIRY_DAY) ? Optional.of(day + " is after " + LAST_EXPIRY_DAY) : Optional.empty();
    }

    /** A date given by people means through the end of that day in Italy. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ITALY).toInstant();
    }

    static String name(MailboxState state) {
        return state.name().toLowerCase(java.util.Locale.ROOT);
    }
}
