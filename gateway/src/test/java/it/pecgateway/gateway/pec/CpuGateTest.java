package it.pecgateway.gateway.pec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CpuGateTest {

    @Test
    void noMoreThreadsThanSlotsWorkAtOnce() throws Exception {
        CpuGate gate = new CpuGate(2);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            CpuGate.Priority p = i % 3 == 0 ? CpuGate.Priority.DELIVERY : CpuGate.Priority.ACCEPTANCE;
            Thread t = new Thread(() -> {
                for (int k = 0; k < 50; k++) {
                    try {
                        gate.run(p, () -> {
                            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            Thread.onSpinWait();
                            inside.decrementAndGet();
                            return null;
                        });
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertThat(most.get()).isBetween(1, 2);
        assertThat(inside.get()).isZero();
    }

    @Test
    void aWaitingDeliveryGoesBeforeAcceptancesThatWaitedLonger() throws Exception {
        CpuGate gate = new CpuGate(1);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        Thread holder = worker(gate, CpuGate.Priority.ACCEPTANCE, "holder", order, () -> {
            holding.countDown();
            await(release);
        });
        holder.start();
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        Thread acceptance = worker(gate, CpuGate.Priority.ACCEPTANCE, "acceptance", order, () -> { });
        acceptance.start();
        waitUntilParked(acceptance);
        Thread delivery = worker(gate, CpuGate.Priority.DELIVERY, "delivery", order, () -> { });
        delivery.start();
        waitUntilParked(delivery);

        release.countDown();
        for (Thread t : List.of(holder, acceptance, delivery)) {
            t.join(10_000);
        }
        assertThat(order).containsExactly("holder", "delivery", "acceptance");
    }

    private static Thread worker(CpuGate gate, CpuGate.Priority priority, String name, List<String> order, Runnable body) {
        return new Thread(() -> {
            try {
                gate.run(priority, () -> {
                    order.add(name);
                    body.run();
                    return null;
                });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static void waitUntilParked(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(t.getState()).isEqualTo(Thread.State.WAITING);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
