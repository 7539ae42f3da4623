package it.pecgateway.gateway.ops;

import it.pecgateway.gateway.ops.Permissions.Action;
import it.pecgateway.gateway.smtp.AuthThrottle;
import it.pecgateway.mailstore.Credentials.Credential;
import it.pecgateway.mailstore.Credentials.NewCredential;
import it.pecgateway.mailstore.Holder;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.StoreSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Password reset and activation links: one-time, stored as a SHA-256 of the token, e-mailed to the recovery
 * address (never shown to whoever asked). A holder asks with the mailbox address and the tax code on record; the
 * answer is the same whether they matched or not, so nobody learns which mailboxes exist. A postmaster or operator
 * can have a link sent too. Following the link sets a new password (policy applied) and activates an inactive
 * mailbox. Requests are throttled per client address and per mailbox.
 */
public final class PasswordResets {
    static final String KIND = "password-link";
    static final String TOKEN_PREFIX = "pgl_";

    private final OpsContext ctx;
    private final Passwords passwords;
    private final AuthThrottle throttle;

    public PasswordResets(OpsContext ctx, Passwords passwords, AuthThrottle throttle) {
        this.ctx = ctx;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    /** The holder's own request. Returns normally whether or not a link was sent (the caller says the same either way). */
    public void request(Actor.Anonymous who, String address, String taxCode) {
        String canonicalTax = TaxCode.normalize(taxCode).orElseThrow(() -> OpsException.unprocessable("the tax code is not valid",
                java.util.List.of("tax code: not a valid codice fiscale")));
        String a = Addresses.mailbox("address", address);
        if (throttle.addressLocked(who.remoteAddress()) || throttle.accountLocked(a)) {
            throw new OpsException(OpsException.Kind.TOO_MANY_REQUESTS, "too many reset requests: try again later");
        }
        Optional<Mailbox> mailbox = ctx.findMailbox(a);
        Optional<Holder> holder = mailbox.map(m -> ctx.store().accounts().holder(m.address()));
        String refusal = mailbox.isEmpty() ? "no such mailbox"
                : !holder.get().taxCode().equals(Optional.of(canonicalTax)) ? "the tax code does not match"
                : holder.get().recoveryEmail().isEmpty() ? "no recovery address on record"
                : mailbox.get().state() == MailboxState.SUSPENDED ? "the mailbox is suspended" : "";
        if (!refusal.isEmpty()) {
            throttle.failed(who.remoteAddress(), a);
            mailbox.ifPresent(m -> ctx.store().inTransaction(tx -> {
                ctx.log().record(tx, ctx.now(), who, OpsEvent.PASSWORD_RESET_REFUSED, m.address(), refusal);
                return null;
            }));
            return;
        }
        // a successful request counts too: it sends mail, and must not be repeated without end
        throttle.failed(who.remoteAddress(), a);
        ctx.store().inTransaction(tx -> {
            sendLink(tx, who, mailbox.get(), holder.get().recoveryEmail().orElseThrow());
            return null;
        });
    }

    /** A postmaster or operator has a reset link sent to the holder's recovery address. */
    public String sendByAdministrator(Actor actor, String address) {
        Permissions.require(actor, Action.SEND_RESET, address);
        Mailbox m = ctx.mailbox(address);
        String email = ctx.store().accounts().holder(m.address()).recoveryEmail()
                .orElseThrow(() -> OpsException.conflict(m.address() + " has no recovery address on record"));
        ctx.store().inTransaction(tx -> {
            sendLink(tx, actor, m, email);
            return null;
        });
        return email;
    }

    /** Issues a link (activation for an inactive mailbox, reset otherwise) and queues the e-mail, in {@code tx}. */
    void sendLink(StoreSession tx, Actor actor, Mailbox m, String email) {
        boolean activation = m.state() == MailboxState.INACTIVE;
        Duration validity = activation ? ctx.settings().recovery().activationLinkValidity() : ctx.settings().recovery().resetLinkValidity();
        Instant now = ctx.now();
        String token = Secrets.newToken(TOKEN_PREFIX);
        tx.credentials().revokeAll(KIND, m.address());
        tx.credentials().issue(new NewCredential(KIND, Secrets.hash(token), m.address(), activation ? "activation" : "reset", "",
                now, Optional.of(now.plus(validity))));
        String link = ctx.publicUrl().get() + "/panel/#" + (activation ? "activate" : "reset") + "=" + token;
        ctx.mail().queue(tx, email, RecoveryTexts.linkSubject(activation), RecoveryTexts.linkBody(m.address(), link, activation,
                now.plus(validity)), "recupero:" + m.address(), now);
        ctx.log().record(tx, now, actor, activation ? OpsEvent.ACTIVATION_SENT : OpsEvent.PASSWORD_RESET_REQUESTED, m.address(),
                "link valid until " + now.plus(validity) + " sent to " + email);
    }

    /** What a link is for, without using it: the panel shows the mailbox before the holder types a password. */
    public Credential inspect(String token) {
        return ctx.store().credentials().find(KIND, Secrets.hash(token), ctx.now()).orElseThrow(PasswordResets::unknownLink);
    }

    /**
     * Follows a link: the new password is checked first (a refused one leaves the link usable), then the link is used
     * up. An activation needs the holder to accept the service conditions; the acceptance is logged.
     */
    public Mailbox complete(String token, char[] password, boolean conditionsAccepted) {
        try {
            Credential link = inspect(token);
            if (link.scope().equals("activation") && !conditionsAccepted) {
                throw OpsException.unprocessable("accept the service conditions to activate the mailbox",
                        java.util.List.of("acceptConditions: must be true for an activation"));
            }
            passwords.check(Optional.of(link.subject()), password);
            return ctx.store().inTransaction(tx -> {
                tx.credentials().consume(KIND, Secrets.hash(token), ctx.now()).orElseThrow(PasswordResets::unknownLink);
                Mailbox m = tx.accounts().find(link.subject()).orElseThrow(() -> OpsException.notFound("the mailbox no longer exists"));
                if (m.state() == MailboxState.SUSPENDED) {
                    throw OpsException.forbidden("the mailbox is suspended");
                }
                Actor.Holder holder = new Actor.Holder(m.address());
                if (link.scope().equals("activation")) {
                    ctx.log().record(tx, ctx.now(), holder, OpsEvent.CONDITIONS_ACCEPTED, m.address(), "by the activation link");
                }
                passwords.set(tx, holder, m, password, OpsEvent.PASSWORD_RESET_DONE, Optional.empty());
                return tx.accounts().find(m.address()).orElseThrow();
            });
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static OpsException unknownLink() {
        return OpsException.notFound("this link is unknown, used or expired: ask for a new one");
    }
}
