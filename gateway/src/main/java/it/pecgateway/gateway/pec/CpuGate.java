package it.pecgateway.gateway.pec;

import java.io.IOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets only a few threads do CPU-bound work (signing, verifying, building PEC messages) at once, two per core; the
 * others wait, parked. Without it, 16 SMTP sessions and the queue workers all sign at the same time, and the
 * store's single writer thread, which every acceptance and delivery waits for, gets a 1/20th share of the CPU
 * whenever it wakes up: the load harness measured 8 ms median commits on a disk that syncs in 0.2 ms, and 1 to 3 ms
 * with the gate. The waiting moves from the writer, which serialises everyone, to the gate, which does not. Two per
 * core rather than one: a thread inside the gate also waits a little (reading a body, a store read), and with one
 * per core the cores were left idle then (measured: 20% fewer messages per second on a machine shared with other
 * processes).
 *
 * <p>Deliveries go first ({@link Priority#DELIVERY}): work already accepted is finished before new work is taken
 * in, so that the queue stays short under load instead of growing while acceptances take every slot.
 *
 * <p>Only pure computation goes through the gate: never a store write or anything that waits for the writer.
 */
final class CpuGate {
    enum Priority { DELIVERY, ACCEPTANCE }

    /** Work that may fail with an I/O error (reading a spool file or a stored body). */
    @FunctionalInterface
    interface Work<T> {
        T run() throws IOException;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition deliveryTurn = lock.newCondition();
    private final Condition acceptanceTurn = lock.newCondition();
    private int free;
    private int deliveriesWaiting;

    CpuGate(int slots) {
        this.free = slots;
    }

    static CpuGate twoPerCore() {
        return new CpuGate(2 * Runtime.getRuntime().availableProcessors());
    }

    <T> T run(Priority priority, Work<T> work) throws IOException {
        acquire(priority);
        try {
            return work.run();
        } finally {
            release();
        }
    }

    private void acquire(Priority priority) {
        lock.lock();
        try {
            if (priority == Priority.DELIVERY) {
                deliveriesWaiting++;
                while (free == 0) {
                    deliveryTurn.awaitUninterruptibly();
                }
                deliveriesWaiting--;
            } else {
                while (free == 0 || deliveriesWaiting > 0) {
                    acceptanceTurn.awaitUninterruptibly();
                }
            }
            free--;
        } finally {
            lock.unlock();
        }
    }

    private void release() {
        lock.lock();
        try {
            free++;
            (deliveriesWaiting > 0 ? deliveryTurn : acceptanceTurn).signal();
        } finally {
            lock.unlock();
        }
    }
}
