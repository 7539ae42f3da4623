package it.pecgateway.gateway.ops;

import it.pecgateway.config.StorageConfig;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what the store keeps only for a while ({@code storage.retention}): delivered and failed outbound-queue
 * entries, and once-only claims. At a few hundred certified messages a second both tables would otherwise grow by
 * millions of rows a day. Safe on several nodes at once: each purge only deletes rows past the cutoff.
 */
final class StoreRetention {
    private static final Logger log = LoggerFactory.getLogger(StoreRetention.class);

    private final OpsContext ctx;

    StoreRetention(OpsContext ctx) {
        this.ctx = ctx;
    }

    record Purged(long queueEntries, long claims) { }

    Purged run() {
        Instant now = ctx.now();
        StorageConfig.Retention keep = ctx.config().storage().retention();
        long entries = ctx.store().queue().purgeFinishedBefore(now.minus(keep.queue()));
        long claims = ctx.store().purgeClaimsBefore(now.minus(keep.claims()));
        if (entries + claims > 0) {
            log.info("store retention: removed {} finished queue entries older than {} and {} claims older than {}",
                    entries, keep.queue(), claims, keep.claims());
        }
        return new Purged(entries, claims);
    }
}
