package it.pecgateway.access;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The bounded executor the access servers run store work on (the event loops never touch the store). */
public final class AccessExecutors {
    private AccessExecutors() {
    }

    /**
     * A fixed pool with a bounded queue: when both are full, new commands are answered "server busy" instead of
     * queueing without end. Each session has at most one task queued or running at a time.
     */
    public static ExecutorService bounded(int threads, int queueCapacity) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "access-store-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), factory, new ThreadPoolExecutor.AbortPolicy());
    }
}
