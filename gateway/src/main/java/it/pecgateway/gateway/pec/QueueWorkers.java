package it.pecgateway.gateway.pec;

import it.pecgateway.config.RelayConfig;
import it.pecgateway.gateway.relay.DeliveryAttempt;
import it.pecgateway.gateway.relay.OutboundSmtp;
import it.pecgateway.gateway.relay.Router;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.MailStore;
import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.QueueEntry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded pool of workers on the outbound queue. Leases make several nodes safe: an entry is worked by one owner
 * at a time, and a lease that expires (its node died) frees the entry for another. Local envelopes go through our
 * delivery point; everything else is relayed. Failures are retried after the configured delays; an entry older
 * than the maximum queue age (24 h, digest 9.3) fails for good (the PEC timers have told the sender by then; for
 * an ordinary address {@link NonDeliveryReports} tells whoever must know).
 */
public final class QueueWorkers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(QueueWorkers.class);
    /** Entries leased at once; local ones are delivered in one transaction. */
    private static final int BATCH = 16;

    private final MailStore store;
    private final RelayConfig relay;
    private final Router router;
    private final OutboundSmtp outbound;
    private final LocalDeliveries local;
    private final Clock clock;
    private final String nodeId;
    private final Duration idlePause;
    private final QueueSignal signal;
    private final ExecutorService pool;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Duration attemptBudget;
    private final Duration lease;
    private final RelayPeers peers;
    private final PecMetrics metrics;
    private final NonDeliveryReports reports;

    /** @param idlePause how long an idle worker waits for a {@link QueueSignal} before it looks at the queue anyway */
    QueueWorkers(MailStore store, RelayConfig relay, Router router, OutboundSmtp outbound, LocalDeliveries local, Clock clock,
                 String nodeId, Duration idlePause, QueueSignal signal, RelayPeers peers, PecMetrics metrics,
                 NonDeliveryReports reports) {
        this.store = store;
        this.relay = relay;
        this.router = router;
        this.outbound = outbound;
        this.local = local;
        this.clock = clock;
        this.nodeId = nodeId;
        this.idlePause = idlePause;
        this.signal = signal;
        this.attemptBudget = attemptBudget(relay);
        this.lease = attemptBudget.multipliedBy(2);
        this.peers = peers;
        this.metrics = metrics;
        this.reports = reports;
        this.pool = Executors.newFixedThreadPool(Math.max(1, relay.workers()), r -> {
            Thread t = new Thread(r, "queue-worker");
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        running.set(true);
        for (int i = 0; i < Math.max(1, relay.workers()); i++) {
            String owner = nodeId + "/" + i;
            pool.execute(() -> loop(owner));
        }
    }

    private void loop(String owner) {
        while (running.get()) {
            try {
                Instant leasedUntil = clock.instant().plus(lease); // read before the lease: never later than the store's
                List<QueueEntry> leased = store.queue().lease(owner, BATCH, lease);
                if (leased.isEmpty()) {
                    signal.await(idlePause);
                    continue;
                }
                if (leased.size() == BATCH) {
                    signal.workCommitted(); // there may be more: another idle worker can take it meanwhile
                }
                List<QueueEntry> local = leased.stream().filter(QueueWorkers::isLocal).toList();
                if (!local.isEmpty()) {
                    deliverLocally(owner, local);
                }
                for (QueueEntry entry : leased) {
                    if (isLocal(entry)) {
                        continue;
                    }
                    if (clock.instant().plus(attemptBudget).isAfter(leasedUntil)) {
                        handBack(owner, entry);
                    } else {
                        work(owner, entry, relay(entry));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("queue worker {} failed; going on", owner, e);
                pause();
            }
        }
    }

    /**
     * Long enough for one attempt (connect, then a few reads at the read timeout), short enough that the entries of a
     * node that died are taken up again soon. Should an attempt outlive its lease, the entry may be tried twice; every
     * receiving step claims its work once (ours do), so the second copy makes no second receipt. A batch is leased
     * for two attempts, and its relay entries are tried one after another only while a whole attempt still fits in
     * the lease: the others are handed back at once, never tried after their lease ran out (when another worker may
     * be trying them too).
     */
    static Duration attemptBudget(RelayConfig relay) {
        Duration attempt = relay.connectTimeout().plus(relay.readTimeout().multipliedBy(4));
        return attempt.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : attempt;
    }

    private static boolean isLocal(QueueEntry entry) {
        return QueuePurpose.of(entry.purpose()).orElse(null) == QueuePurpose.LOCAL;
    }

    /** The delivered entries are completed by the delivery transaction itself; the others are retried or failed here. */
    private void deliverLocally(String owner, List<QueueEntry> entries) {
        java.util.Map<Long, DeliveryAttempt> notDone;
        try {
            notDone = local.deliver(owner, entries, this::bodyOf);
        } catch (RuntimeException e) {
            log.error("local delivery of {} entries failed", entries.size(), e);
            DeliveryAttempt failed = DeliveryAttempt.temporary("local error");
            entries.forEach(entry -> work(owner, entry, failed));
            return;
        }
        for (QueueEntry entry : entries) {
            DeliveryAttempt attempt = notDone.get(entry.id());
            if (attempt != null) {
                work(owner, entry, attempt);
            } else {
                metrics.relayAttempt(peers.of(entry), DeliveryAttempt.Outcome.DELIVERED); // completed by the delivery
            }
        }
    }

    private void work(String owner, QueueEntry entry, DeliveryAttempt attempt) {
        metrics.relayAttempt(peers.of(entry), attempt.outcome());
        try {
            switch (attempt.outcome()) {
                case DELIVERED -> store.queue().complete(entry.id(), owner);
                case PERMANENT_FAILURE -> {
                    log.warn("delivery of {} to {} failed for good: {}", entry.reference(), entry.recipient(), attempt.detail());
                    reports.failForGood(owner, entry, new NonDeliveryReport.Failure(entry.recipient(), attempt.detail(),
                            Optional.empty(), entry.createdAt(), clock.instant()), attempt.detail());
                }
                case TEMPORARY_FAILURE -> retry(owner, entry, attempt.detail());
            }
        } catch (MailStoreException e) {
            // a lost lease (CONFLICT): another node has the entry now
            log.warn("queue entry {} could not be updated: {}", entry.id(), e.getMessage());
        }
    }

    private void retry(String owner, QueueEntry entry, String why) {
        Instant now = clock.instant();
        if (!now.isBefore(entry.createdAt().plus(relay.maxQueueAge()))) {
            log.warn("delivery of {} to {} given up after {}: {}", entry.reference(), entry.recipient(), relay.maxQueueAge(), why);
            reports.failForGood(owner, entry, new NonDeliveryReport.Failure(entry.recipient(), why,
                    Optional.of(relay.maxQueueAge()), entry.createdAt(), now), "expired after " + relay.maxQueueAge() + ": " + why);
            return;
        }
        List<Duration> delays = relay.retryDelays();
        Duration delay = delays.get(Math.min(Math.max(0, entry.attempts() - 1), delays.size() - 1));
        // the last try falls on the deadline, not after it: no message idles in the queue past the maximum (digest 9.3)
        Instant next = now.plus(delay);
        Instant deadline = entry.createdAt().plus(relay.maxQueueAge());
        store.queue().retryLater(entry.id(), owner, next.isAfter(deadline) ? deadline : next, why);
    }

    /** Not tried: free again for any worker now (its lease counted as an attempt; its last error stays). */
    private void handBack(String owner, QueueEntry entry) {
        try {
            store.queue().retryLater(entry.id(), owner, clock.instant(), entry.lastError().orElse("not tried yet"));
        } catch (MailStoreException e) {
            log.warn("queue entry {} could not be handed back: {}", entry.id(), e.getMessage());
        }
    }

    /** An entry for another provider or the Internet (local ones go in batches through {@link #deliverLocally}). */
    private DeliveryAttempt relay(QueueEntry entry) {
        BodySource body = bodyOf(entry);
        try {
            return QueuePurpose.of(entry.purpose()).orElse(QueuePurpose.RELAY_ORDINARY) == QueuePurpose.RELAY_PEC
                    ? relay(entry, body, OutboundSmtp.Security.REQUIRE_VERIFIED_TLS)
                    : relay(entry, body, OutboundSmtp.Security.OPPORTUNISTIC_TLS);
        } catch (RuntimeException e) {
            log.error("delivery of queue entry {} failed", entry.id(), e);
            return DeliveryAttempt.temporary("local error");
        }
    }

    private DeliveryAttempt relay(QueueEntry entry, BodySource body, OutboundSmtp.Security security) {
        String domain = entry.recipient().substring(entry.recipient().lastIndexOf('@') + 1);
        Router.Route route = router.route(domain);
        if (!route.found()) {
            return route.permanentFailure() ? DeliveryAttempt.permanent(route.failure()) : DeliveryAttempt.temporary(route.failure());
        }
        return outbound.send(route.hops(), security, entry.sender(), entry.recipient(), body);
    }

    private BodySource bodyOf(QueueEntry entry) {
        return new BodySource() {
            @Override
            public long size() {
                return store.blobs().size(entry.body());
            }

            @Override
            public InputStream open() throws IOException {
                return store.blobs().open(entry.body());
            }
        };
    }

    private void pause() {
        try {
            Thread.sleep(idlePause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
