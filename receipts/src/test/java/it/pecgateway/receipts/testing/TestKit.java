package it.pecgateway.receipts.testing;

import it.pecgateway.receipts.IdGenerator;
import it.pecgateway.receipts.PecMessages;
import it.pecgateway.receipts.PecSamples;
import it.pecgateway.receipts.PecSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A provider made once per test JVM: its PKI, a fixed clock and a counting id generator. */
public final class TestKit {
    public static final String SERVICE_ADDRESS = "posta-certificata@pec.example.it";
    public static final String PROVIDER = "Example PEC S.p.A.";
    public static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static TestPki pki;

    private TestKit() {
    }

    public static synchronized TestPki pki() {
        if (pki == null) {
            // Valid from just before the fixed clock to long after the real one, so openssl (real time) agrees too.
            pki = TestPki.create(SERVICE_ADDRESS, "Example PEC", NOW.minusSeconds(86_400),
                    NOW.plus(java.time.Duration.ofDays(20 * 365)));
        }
        return pki;
    }

    /** Counts from 1: the same calls give the same identificativi, Message-IDs and boundaries. */
    public static IdGenerator sequence() {
        AtomicInteger n = new AtomicInteger();
        return () -> "n1." + n.incrementAndGet();
    }

    public static PecMessages messages() {
        return new PecMessages(new PecSettings(PROVIDER, SERVICE_ADDRESS), pki().signing(), CLOCK, sequence());
    }

    /** The samples of every kind, made with a fixed clock and ids. */
    public static Map<String, byte[]> samples() {
        try {
            return new PecSamples(messages()).all();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
