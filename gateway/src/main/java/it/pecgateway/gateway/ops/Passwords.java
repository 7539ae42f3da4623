package it.pecgateway.gateway.ops;

import it.pecgateway.gateway.ops.Permissions.Action;
import it.pecgateway.gateway.smtp.AuthThrottle;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.StoreSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every way a password is set goes through here, so the policy is applied everywhere: an operator setting it
 * (CLI, API), the holder changing it (API, panel; the current password is needed), a reset or activation link.
 * Setting a password ends the mailbox's other sessions and its pending links; the first password activates an inactive mailbox.
 */
public final class Passwords {
    static final String SESSION_KIND = HolderSessions.KIND;

    private final OpsContext ctx;
    private final PasswordPolicy policy;
    private final MailboxLifecycle lifecycle;
    private final AuthThrottle logins;

    /** @param logins the holders' login throttle: a wrong current password counts as a failed login */
    public Passwords(OpsContext ctx, MailboxLifecycle lifecycle, AuthThrottle logins) {
        this.ctx = ctx;
        this.policy = new PasswordPolicy(ctx.settings().passwordPolicy());
        this.lifecycle = lifecycle;
        this.logins = logins;
    }

    public PasswordPolicy policy() {
        return policy;
    }

    /** UNPROCESSABLE with every problem when the password may not be used for this mailbox. */
    public void check(Optional<String> address, char[] password) {
        List<String> problems = new ArrayList<>(policy.problems(password));
        int history = policy.config().history();
        if (problems.isEmpty() && history > 0 && address.isPresent()
                && ctx.store().accounts().isRecentPassword(address.get(), password, history)) {
            problems.add("the password must not be one of the last " + history + " passwords of this mailbox");
        }
        if (!problems.isEmpty()) {
            throw OpsException.unprocessable("the password does not follow the policy (" + policy.summary() + ")", problems);
        }
    }

    /** An operator sets the password (the holder does not know it yet); an inactive mailbox becomes active. */
    public boolean setByOperator(Actor actor, String address, char[] password) {
        Permissions.require(actor, Action.SET_PASSWORD, address);
        Mailbox mailbox = ctx.mailbox(address);
        try {
            check(Optional.of(mailbox.address()), password);
            return ctx.store().inTransaction(tx -> set(tx, actor, mailbox, password, OpsEvent.PASSWORD_SET, Optional.empty()));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * The holder changes its password, proving it knows the current one; its other sessions end. Wrong current
     * passwords are throttled as failed logins (same counts, same lock), or a session would guess without limit.
     */
    public void change(Actor.Holder holder, char[] current, char[] wanted, Optional<Long> keepSession, String remoteAddress) {
        Permissions.require(holder, Action.CHANGE_OWN_PASSWORD, holder.address());
        try {
            if (logins.addressLocked(remoteAddress) || logins.accountLocked(holder.address())) {
                throw new OpsException(OpsException.Kind.TOO_MANY_REQUESTS, "too many wrong passwords: try again later");
            }
            if (ctx.store().accounts().authenticate(holder.address(), current).isEmpty()) {
                logins.failed(remoteAddress, holder.address());
                throw OpsException.forbidden("the current password is wrong");
            }
            check(Optional.of(holder.address()), wanted);
            Mailbox mailbox = ctx.mailbox(holder.address());
            ctx.store().inTransaction(tx -> set(tx, holder, mailbox, wanted, OpsEvent.PASSWORD_CHANGED, keepSession));
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(wanted, '\0');
        }
    }

    /**
     * Sets the password inside the caller's transaction, ends the mailbox's sessions (but {@code keepSession}) and
     * its pending reset or activation links, activates an inactive mailbox, and logs.
     * @return whether the mailbox was activated
     */
    boolean set(StoreSession tx, Actor actor, Mailbox mailbox, char[] password, OpsEvent event, Optional<Long> keepSession) {
        tx.accounts().setPassword(mailbox.address(), password);
        // a link still pending was asked for a password this one replaces (the link that set it was used up already)
        tx.credentials().revokeAll(PasswordResets.KIND, mailbox.address());
        tx.credentials().list(SESSION_KIND, Optional.of(mailbox.address()), ctx.now()).stream()
                .filter(s -> keepSession.map(k -> k != s.id()).orElse(true))
                .forEach(s -> tx.credentials().revoke(s.id()));
        ctx.log().record(tx, ctx.now(), actor, event, mailbox.address(), "");
        if (mailbox.state() == MailboxState.INACTIVE) {
            lifecycle.activate(tx, actor, mailbox);
            return true;
        }
        return false;
    }
}
