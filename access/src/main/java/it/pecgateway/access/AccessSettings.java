package it.pecgateway.access;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits and tunables of the IMAP and POP3 servers. Immutable; the gateway builds it once from its configuration.
 *
 * @param maxLineLength            longest command line, CRLF included (IMAP needs room for long UID sets)
 * @param maxLiteralBytes          largest literal (an APPEND'ed message); larger ones are refused before upload
 * @param maxConnectionsPerUser    logged-in sessions of one mailbox, per protocol
 * @param maxConnectionsPerAddress open connections from one remote IP address, per protocol
 * @param imapIdleTimeout          an IMAP connection silent this long is closed (RFC 3501: at least 30 minutes)
 * @param pop3IdleTimeout          a POP3 connection silent this long is closed (RFC 1939: at least 10 minutes)
 * @param loginDelayBase           delay before answering the first failed login from an address; doubles after each
 *                                 further failure
 * @param loginDelayMax            the most a failed login is delayed
 * @param eventLoopThreads         Netty I/O threads of one server; 0 means one per core
 * @param spoolDirectory           where large literals are spooled while a command is read
 */
public record AccessSettings(
        int maxLineLength,
        long maxLiteralBytes,
        int maxConnectionsPerUser,
        int maxConnectionsPerAddress,
        Duration imapIdleTimeout,
        Duration pop3IdleTimeout,
        Duration loginDelayBase,
        Duration loginDelayMax,
        int eventLoopThreads,
        Path spoolDirectory) {

    public AccessSettings {
        Objects.requireNonNull(spoolDirectory, "spoolDirectory");
        if (maxLineLength < 1024) {
            throw new IllegalArgumentException("maxLineLength must be at least 1024");
        }
        if (maxLiteralBytes < 1 || maxConnectionsPerUser < 1 || maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The defaults documented in docs/access.md. */
    public static AccessSettings defaults(Path spoolDirectory) {
        return new AccessSettings(64 * 1024, 64L * 1024 * 1024, 20, 200,
                Duration.ofMinutes(30), Duration.ofMinutes(10),
                Duration.ofMillis(500), Duration.ofSeconds(15), 0, spoolDirectory);
    }

    public AccessSettings withIdleTimeouts(Duration imap, Duration pop3) {
        return new AccessSettings(maxLineLength, maxLiteralBytes, maxConnectionsPerUser, maxConnectionsPerAddress,
                imap, pop3, loginDelayBase, loginDelayMax, eventLoopThreads, spoolDirectory);
    }

    public AccessSettings withConnectionLimits(int perUser, int perAddress) {
        return new AccessSettings(maxLineLength, maxLiteralBytes, perUser, perAddress,
                imapIdleTimeout, pop3IdleTimeout, loginDelayBase, loginDelayMax, eventLoopThreads, spoolDirectory);
    }

    public AccessSettings withLoginDelay(Duration base, Duration max) {
        return new AccessSettings(maxLineLength, maxLiteralBytes, maxConnectionsPerUser, maxConnectionsPerAddress,
                imapIdleTimeout, pop3IdleTimeout, base, max, eventLoopThreads, spoolDirectory);
    }

    public AccessSettings withMaxLiteralBytes(long bytes) {
        return new AccessSettings(maxLineLength, bytes, maxConnectionsPerUser, maxConnectionsPerAddress,
                imapIdleTimeout, pop3IdleTimeout, loginDelayBase, loginDelayMax, eventLoopThreads, spoolDirectory);
    }
}
