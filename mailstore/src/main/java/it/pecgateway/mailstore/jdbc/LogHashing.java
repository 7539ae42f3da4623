package it.pecgateway.mailstore.jdbc;

import it.pecgateway.mailstore.LogEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The canonical serialisation of a legal-log record, which its SHA-256 covers (docs/mailstore.md repeats it).
 *
 * <pre>
 * "pec-legal-log/1\n"
 * field(sequence as decimal)
 * field(previous record's hash, 64 lower-case hex digits)
 * field(identificativo) field(time as decimal epoch milliseconds) field(event type)
 * field(sender) list(recipients) field(subject) list(related message ids)
 * optional(peer provider) optional(detail)
 *
 * field(s)    = decimal length of the UTF-8 bytes of s, ":", those bytes, "\n"
 * list(xs)    = decimal count, "#", then field(x) for each x in order
 * optional(o) = "-\n" when absent, otherwise "+" followed by field(value)
 * </pre>
 * Lengths make every field boundary explicit, so no value (a subject with new lines, a comma in a name) can shift
 * bytes from one field to another. The hash is written as 64 lower-case hex digits.
 */
public final class LogHashing {
    /** The previous hash of the first record ever written. */
    public static final String GENESIS = "0".repeat(64);
    private static final String VERSION = "pec-legal-log/1\n";

    private LogHashing() {
    }

    public static String hash(long sequence, String previousHash, LogEvent e) {
        StringBuilder b = new StringBuilder(VERSION);
        field(b, Long.toString(sequence));
        field(b, previousHash);
        field(b, e.identificativo());
        field(b, Long.toString(e.time().toEpochMilli()));
        field(b, e.eventType());
        field(b, e.sender());
        list(b, e.recipients());
        field(b, e.subject());
        list(b, e.relatedMessageIds());
        optional(b, e.peerProvider());
        optional(b, e.detail());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }

    private static void field(StringBuilder b, String s) {
        b.append(s.getBytes(StandardCharsets.UTF_8).length).append(':').append(s).append('\n');
    }

    private static void list(StringBuilder b, List<String> xs) {
        b.append(xs.size()).append('#');
        xs.forEach(x -> field(b, x));
    }

    private static void optional(StringBuilder b, Optional<String> o) {
        if (o.isEmpty()) {
            b.append("-\n");
        } else {
            b.append('+');
            field(b, o.get());
        }
    }
}
