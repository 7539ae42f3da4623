package it.pecgateway.gateway.ops;

import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxState;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic work of the life cycle: active mailboxes past their expiry date become EXPIRED; expired ones past
 * the grace period are deleted; expired credentials are purged; finished queue entries and claims past their
 * retention are removed ({@link StoreRetention}). Safe on several nodes at once: each change is
 * claimed once ({@code claimOnce}) in the transaction that makes it, so it is made and logged once.
 * Suspended mailboxes are never deleted by the job: a suspension may be an authority's order.
 */
public final class LifecycleSweep {
    private static final Logger log = LoggerFactory.getLogger(LifecycleSweep.class);
    private static final Actor JOB = new Actor.System("lifecycle");

    private final OpsContext ctx;
    private final MailboxDeletion deletion;
    private final StoreRetention retention;

    public LifecycleSweep(OpsContext ctx, MailboxDeletion deletion) {
        this.ctx = ctx;
        this.deletion = deletion;
        this.retention = new StoreRetention(ctx);
    }

    public record Outcome(int expired, int deleted, int credentialsPurged, long queueEntriesPurged, long claimsPurged) { }

    public Outcome run() {
        Instant now = ctx.now();
        int expired = 0;
        int deleted = 0;
        for (Mailbox m : ctx.store().accounts().expiredBefore(now.plusMillis(1))) {
            if (m.state() == MailboxState.ACTIVE && expire(m)) {
                expired++;
            }
        }
        Instant graceCutoff = now.minus(ctx.settings().lifecycle().gracePeriod()).plusMillis(1);
        for (Mailbox m : ctx.store().accounts().expiredBefore(graceCutoff)) {
            if (m.state() == MailboxState.EXPIRED && deletion.deleteExpired(JOB, m)) {
                deleted++;
            }
        }
        int purged = ctx.store().credentials().purgeExpired(now);
        if (expired + deleted > 0) {
            log.info("mailbox life cycle: {} expired, {} deleted after the grace period", expired, deleted);
        }
        StoreRetention.Purged old = retention.run();
        return new Outcome(expired, deleted, purged, old.queueEntries(), old.claims());
    }

    private boolean expire(Mailbox m) {
        return ctx.store().inTransaction(tx -> {
            // read again inside the transaction: a renewal may have come in meanwhile
            boolean still = tx.accounts().find(m.address())
                    .filter(now -> now.state() == MailboxState.ACTIVE && now.expiresAt().equals(m.expiresAt())).isPresent();
            if (!still || !tx.claimOnce("expire:" + m.address() + ":" + m.expiresAt().orElseThrow().toEpochMilli())) {
                return false;
            }
            tx.accounts().setState(m.address(), MailboxState.EXPIRED);
            ctx.log().record(tx, ctx.now(), JOB, OpsEvent.MAILBOX_EXPIRED, m.address(),
                    "expired " + m.expiresAt().orElseThrow() + "; read-only until " + m.expiresAt().orElseThrow()
                            .plus(ctx.settings().lifecycle().gracePeriod()));
            return true;
        });
    }
}
