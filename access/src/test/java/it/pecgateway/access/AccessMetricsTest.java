package it.pecgateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.access.AccessMetrics.Outcome;
import it.pecgateway.access.AccessMetrics.Protocol;
import it.pecgateway.access.support.AccessFixture;
import it.pecgateway.access.support.ImapClient;
import it.pecgateway.access.support.LineClient;
import it.pecgateway.mailstore.Mailbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the servers report through {@link AccessMetrics}: each command's outcome and failed TLS handshakes. */
class AccessMetricsTest {
    static AccessFixture fx;
    static Mailbox carla;

    @BeforeAll
    static void start() {
        fx = new AccessFixture().start();
        carla = fx.mailbox("carla");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    long imap(Outcome o) {
        return fx.metrics.commands(Protocol.IMAP, o);
    }

    @Test
    void everyImapCommandIsCountedByItsOutcome() {
        long ok = imap(Outcome.OK);
        long no = imap(Outcome.NO);
        long bad = imap(Outcome.BAD);
        try (ImapClient c = fx.imapLoggedIn(carla)) {
            c.ok("a1 NOOP");
            assertThat(c.last(c.command("a2 SELECT Nonexistent"))).startsWith("a2 NO ");
            assertThat(c.last(c.command("a3 FROBNICATE"))).startsWith("a3 BAD ");
            c.ok("a4 LOGOUT");
        }

        assertThat(imap(Outcome.OK) - ok).as("LOGIN, NOOP, LOGOUT").isEqualTo(3);
        assertThat(imap(Outcome.NO) - no).isEqualTo(1);
        assertThat(imap(Outcome.BAD) - bad).isEqualTo(1);
        assertThat(imap(Outcome.ERROR)).isZero();
    }

    @Test
    void pop3CommandsAreCountedByTheirOutcome() {
        long ok = fx.metrics.commands(Protocol.POP3, Outcome.OK);
        long no = fx.metrics.commands(Protocol.POP3, Outcome.NO);
        try (LineClient c = fx.pop3()) {
            assertThat(c.line()).startsWith("+OK");
            c.send("STAT");
            assertThat(c.line()).startsWith("-ERR");
            c.send("USER " + carla.address());
            assertThat(c.line()).startsWith("+OK");
            c.send("QUIT");
            assertThat(c.line()).startsWith("+OK");
        }

        assertThat(fx.metrics.commands(Protocol.POP3, Outcome.OK) - ok).isEqualTo(2);
        assertThat(fx.metrics.commands(Protocol.POP3, Outcome.NO) - no).isEqualTo(1);
    }

    @Test
    void aPlaintextClientOnAnImplicitTlsPortIsAFailedHandshake() throws Exception {
        long imap = fx.metrics.tlsHandshakeFailures(Protocol.IMAP);
        long pop3 = fx.metrics.tlsHandshakeFailures(Protocol.POP3);

        speakPlaintext(fx.imapAddress, "a1 LOGIN carla secret\r\n");
        speakPlaintext(fx.pop3Address, "USER carla\r\n");

        awaitAtLeast(() -> fx.metrics.tlsHandshakeFailures(Protocol.IMAP), imap + 1);
        awaitAtLeast(() -> fx.metrics.tlsHandshakeFailures(Protocol.POP3), pop3 + 1);
        assertThat(fx.metrics.tlsHandshakeFailures(Protocol.IMAP)).isEqualTo(imap + 1);
    }

    /** Sends a plaintext line where TLS is expected and reads until the server closes the connection. */
    private static void speakPlaintext(InetSocketAddress address, String line) throws IOException {
        try (Socket s = new Socket(address.getAddress(), address.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(line.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            while (in.read() >= 0) {
                // the server answers with a TLS alert, then closes
            }
        }
    }

    private static void awaitAtLeast(LongSupplier value, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (value.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(value.getAsLong()).isGreaterThanOrEqualTo(expected);
    }
}
