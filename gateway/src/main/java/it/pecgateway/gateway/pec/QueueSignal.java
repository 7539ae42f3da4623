package it.pecgateway.gateway.pec;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells an idle queue worker that entries were committed, so that it leases them at once instead of at its next poll.
 * One permit at most: a burst of signals wakes one worker, which wakes the next when it leased a full batch (more
 * may be waiting). Each empty lease is a write on the store's single writer, so waking every worker for each
 * committed entry would cost more than it saves. Workers still poll (retries fall due, other nodes enqueue).
 */
final class QueueSignal {
    private final Semaphore permit = new Semaphore(0);

    /** Call after the commit that made entries due. */
    void workCommitted() {
        if (permit.availablePermits() == 0) {
            permit.release();
        }
    }

    /** Waits until signalled or until {@code atMost} has passed. */
    void await(Duration atMost) throws InterruptedException {
        if (permit.tryAcquire(atMost.toNanos(), TimeUnit.NANOSECONDS)) {
            permit.drainPermits();
        }
    }
}
