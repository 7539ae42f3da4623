package it.pecgateway.gateway.ops;

import it.pecgateway.gateway.Service;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the {@link LifecycleSweep} every {@code lifecycle.check-interval}, first one interval after start. */
public final class LifecycleJob implements Service {
    private static final Logger log = LoggerFactory.getLogger(LifecycleJob.class);

    private final LifecycleSweep sweep;
    private final Duration interval;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mailbox-lifecycle");
        t.setDaemon(true);
        return t;
    });

    public LifecycleJob(LifecycleSweep sweep, Duration interval) {
        this.sweep = sweep;
        this.interval = interval;
    }

    @Override
    public String description() {
        return "mailbox life cycle every " + interval;
    }

    @Override
    public void start() {
        long every = Math.max(50, interval.toMillis());
        scheduler.scheduleWithFixedDelay(this::runQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private void runQuietly() {
        try {
            sweep.run();
        } catch (RuntimeException e) {
            log.error("mailbox life cycle failed; trying again at the next run", e);
        }
    }

    @Override
    public void stop(Duration grace) {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
