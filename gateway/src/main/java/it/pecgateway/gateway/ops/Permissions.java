package it.pecgateway.gateway.ops;

import java.util.Locale;

/**
 * Who may do what, in one place. Operators (and the gateway itself) may do everything. A postmaster acts on the
 * mailboxes of its own domain only: create, delete, suspend, send a password reset, see and list them, import.
 * A holder acts on its own mailbox only: see it, change its password, contacts, rules and notices.
 */
public final class Permissions {

    public enum Action {
        CREATE_MAILBOX, DELETE_MAILBOX, SUSPEND, RESUME, RENEW, SEND_RESET, SET_PASSWORD, SET_HOLDER, VIEW_MAILBOX,
        LIST_MAILBOXES, IMPORT, CHANGE_OWN_PASSWORD, CHANGE_SETTINGS, CHANGE_CONTACTS, MANAGE_DOMAINS, READ_LOG,
        MANAGE_TOKENS
    }

    private static final java.util.Set<Action> POSTMASTER = java.util.EnumSet.of(Action.CREATE_MAILBOX,
            Action.DELETE_MAILBOX, Action.SUSPEND, Action.SEND_RESET, Action.VIEW_MAILBOX, Action.LIST_MAILBOXES, Action.IMPORT);
    private static final java.util.Set<Action> HOLDER = java.util.EnumSet.of(Action.VIEW_MAILBOX,
            Action.CHANGE_OWN_PASSWORD, Action.CHANGE_SETTINGS, Action.CHANGE_CONTACTS);

    private Permissions() {
    }

    /**
     * @param target a mailbox address, or a domain for domain-wide actions (list, import); "" for provider-wide ones
     * @throws OpsException FORBIDDEN, saying what the actor is limited to
     */
    public static void require(Actor actor, Action action, String target) {
        if (allowed(actor, action, target)) {
            return;
        }
        if (actor instanceof Actor.Postmaster p) {
            throw OpsException.forbidden("a postmaster of " + p.domain() + " may not " + words(action)
                    + (target.isEmpty() ? "" : " for " + target));
        }
        if (actor instanceof Actor.Holder) {
            throw OpsException.forbidden("a holder may only see and change its own mailbox");
        }
        throw OpsException.forbidden("not allowed to " + words(action));
    }

    public static boolean allowed(Actor actor, Action action, String target) {
        // read as the store reads it (trimmed, lower case), or a postmaster's own " anna@its.domain " is another domain
        String t = target.trim().toLowerCase(Locale.ROOT);
        if (actor instanceof Actor.Operator || actor instanceof Actor.System) {
            return true;
        }
        if (actor instanceof Actor.Postmaster p) {
            return POSTMASTER.contains(action) && !t.isEmpty() && domainOf(t).equals(p.domain());
        }
        if (actor instanceof Actor.Holder h) {
            return HOLDER.contains(action) && t.equals(h.address());
        }
        return false;
    }

    /** The domain of an address, or the target itself when it is a domain. */
    static String domainOf(String target) {
        return target.substring(target.lastIndexOf('@') + 1);
    }

    private static String words(Action action) {
        return action.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
