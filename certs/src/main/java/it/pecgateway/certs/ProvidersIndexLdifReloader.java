package it.pecgateway.certs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current providers index snapshot and reloads it from the LDIF file when the file's content changes.
 * Readers call {@link #get()} per message and see one whole snapshot (an atomic swap). A file that cannot be read
 * or is invalid leaves the previous snapshot in place and is logged with every problem (digest 3.2: keep the
 * previous snapshot on failure); it is tried again at the next check.
 */
public final class ProvidersIndexLdifReloader implements Supplier<ProvidersIndex> {
    private static final Logger log = LoggerFactory.getLogger(ProvidersIndexLdifReloader.class);

    private final Path file;
    private final AtomicReference<ProvidersIndex> current;
    private volatile byte[] loadedDigest = new byte[0];
    private volatile byte[] rejectedDigest = new byte[0];
    /** The last read failure logged, so that a file missing for hours is said once, not at every check. */
    private volatile String lastReadProblem = "";

    /**
     * @param initial the snapshot until the file is first loaded successfully (for example an index with only
     *                this provider)
     */
    public ProvidersIndexLdifReloader(Path file, ProvidersIndex initial) {
        this.file = file;
        this.current = new AtomicReference<>(initial);
    }

    @Override
    public ProvidersIndex get() {
        return current.get();
    }

    /** Whether the file has been loaded at least once (readiness: until then only the initial snapshot is served). */
    public boolean loaded() {
        return loadedDigest.length > 0;
    }

    /** Checks the file now. @return true when a new snapshot was installed */
    public boolean reload() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            readProblem("is missing");
            return false;
        } catch (IOException e) {
            readProblem("cannot be read (" + e.getClass().getSimpleName() + ")");
            return false;
        }
        lastReadProblem = "";
        byte[] digest = sha256(content);
        if (Arrays.equals(digest, loadedDigest)) {
            return false;
        }
        try {
            ProvidersIndex index = ProvidersIndexLdif.read(content);
            current.set(index);
            loadedDigest = digest;
            log.info("providers index {} loaded: {} providers", file, index.providers().size());
            return true;
        } catch (ProvidersIndexLdifException e) {
            if (!Arrays.equals(digest, rejectedDigest)) {
                rejectedDigest = digest;
                log.error("providers index {} is invalid; keeping the previous snapshot ({} providers). Problems: {}",
                        file, get().providers().size(), String.join("; ", e.problems()));
            }
            return false;
        }
    }

    private void readProblem(String problem) {
        if (!problem.equals(lastReadProblem)) {
            lastReadProblem = problem;
            log.warn("providers index {} {}; keeping the previous snapshot ({} providers)", file, problem, get().providers().size());
        }
    }

    /** Reloads now and then every {@code interval}, on the given scheduler; cancel the future to stop. */
    public ScheduledFuture<?> schedule(ScheduledExecutorService scheduler, java.time.Duration interval) {
        reload();
        long millis = Math.max(1, interval.toMillis());
        return scheduler.scheduleWithFixedDelay(this::reloadQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: log and keep checking
            log.error("providers index reload failed", e);
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
