package it.pecgateway.gateway.ops;

import it.pecgateway.gateway.ops.Permissions.Action;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.StoreSession;
import java.util.List;

/**
 * Deleting a mailbox: its folders and messages (the store), every credential of its holder (sessions, links,
 * pending codes), and a legal-log record, in one transaction. The legal log itself keeps the mailbox's history.
 */
public final class MailboxDeletion {
    /** Credential kinds whose subject is a mailbox address. */
    static final List<String> HOLDER_KINDS = List.of(HolderSessions.KIND, PasswordResets.KIND,
            RecoveryContacts.EMAIL_KIND, RecoveryContacts.PHONE_KIND);

    private final OpsContext ctx;

    public MailboxDeletion(OpsContext ctx) {
        this.ctx = ctx;
    }

    public void delete(Actor actor, String address) {
        Permissions.require(actor, Action.DELETE_MAILBOX, address);
        Mailbox m = ctx.mailbox(address);
        if (m.address().equalsIgnoreCase(ctx.config().provider().serviceAddress())) {
            throw OpsException.conflict("the service mailbox " + m.address() + " cannot be deleted");
        }
        ctx.store().inTransaction(tx -> {
            remove(tx, actor, m, "deleted in state " + MailboxLifecycle.name(m.state()));
            return null;
        });
    }

    /** The life-cycle job: only if the mailbox is still expired (a renewal may have come in), once across nodes. */
    boolean deleteExpired(Actor job, Mailbox m) {
        return ctx.store().inTransaction(tx -> {
            boolean still = tx.accounts().find(m.address())
                    .filter(now -> now.state() == MailboxState.EXPIRED && now.expiresAt().equals(m.expiresAt())).isPresent();
            if (!still || !tx.claimOnce("delete:" + m.id())) {
                return false;
            }
            remove(tx, job, m, "grace period over: expired " + m.expiresAt().orElseThrow());
            return true;
        });
    }

    private void remove(StoreSession tx, Actor actor, Mailbox m, String detail) {
        tx.accounts().deleteMailbox(m.address());
        HOLDER_KINDS.forEach(kind -> tx.credentials().revokeAll(kind, m.address()));
        ctx.log().record(tx, ctx.now(), actor, OpsEvent.MAILBOX_DELETED, m.address(), detail);
    }
}
