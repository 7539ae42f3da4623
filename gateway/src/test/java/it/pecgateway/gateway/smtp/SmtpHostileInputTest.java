package it.pecgateway.gateway.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.gateway.testing.RawSmtp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Port 25 under attack, with raw sockets: smuggling, over-long lines, floods, bad addresses, 8-bit junk, relay
 * attempts. Each gets a clear reply with an enhanced status code, nothing is stored, and the server stays up.
 */
class SmtpHostileInputTest {
    private static final Pattern ENHANCED = Pattern.compile("^[245]\\d\\d[ -][245]\\.\\d{1,3}\\.\\d{1,3} .*");
    private static SmtpFixture fixture;
    private final List<RawSmtp> clients = new ArrayList<>();
    private int storedBefore;

    @BeforeAll
    static void start() throws Exception {
        fixture = new SmtpFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void count() {
        storedBefore = fixture.received.size();
    }

    /** Every reply of every test carries an enhanced status code, except the greeting, EHLO/HELO and 3xx. */
    @AfterEach
    void everyReplyHadAnEnhancedStatusCode() throws IOException {
        for (RawSmtp c : clients) {
            for (String line : c.transcript) {
                boolean exempt = line.startsWith("220 mx.pec.example.it ESMTP") || line.startsWith("250-")
                        || line.matches("250 (mx\\.pec\\.example\\.it|STARTTLS|AUTH|PIPELINING).*") || line.startsWith("3");
                if (!exempt) {
                    assertThat(line).matches(ENHANCED);
                }
            }
            c.close();
        }
    }

    private RawSmtp mx() throws IOException {
        RawSmtp c = RawSmtp.plain(fixture.mx.port());
        clients.add(c);
        assertThat(c.reply()).startsWith("220 mx.pec.example.it ESMTP");
        assertThat(c.command("EHLO attacker.example")).startsWith("250-mx.pec.example.it");
        return c;
    }

    private RawSmtp inData() throws IOException {
        RawSmtp c = mx();
        assertThat(c.command("MAIL FROM:<someone@internet.example>")).startsWith("250 2.1.0");
        assertThat(c.command("RCPT TO:<mario.rossi@pec.example.it>")).startsWith("250 2.1.5");
        assertThat(c.command("DATA")).startsWith("354");
        return c;
    }

    @ParameterizedTest(name = "smuggling with {0}")
    @ValueSource(strings = {"\\n.\\n", "\\r.\\r", "\\n.\\r\\n", "\\r.\\r\\n", "\\r\\n.\\n", "\\r\\n.\\r", "\\n.\\r", "\\r\\n.\\r\\r\\n"})
    void aBareCrOrLfAroundTheDotDoesNotEndDataAndTheMessageIsRefused(String variant) throws IOException {
        String ending = variant.replace("\\r", "\r").replace("\\n", "\n");
        RawSmtp c = inData();

        c.sendRaw("From: someone@internet.example\r\nSubject: hello\r\n\r\nbody" + ending
                + "MAIL FROM:<evil@internet.example>\r\nRCPT TO:<victim@pec.example.it>\r\nDATA\r\n"
                + "From: ceo@pec.example.it\r\n\r\nsmuggled\r\n.\r\n");

        assertThat(c.reply()).startsWith("554 5.6.0");
        assertThat(c.command("NOOP")).startsWith("250 2.0.0");
        assertThat(c.silentFor(200)).isTrue();
        assertThat(fixture.received).hasSize(storedBefore);
    }

    @Test
    void aCleanMessageWithDotStuffingIsStoredUnstuffed() throws IOException {
        RawSmtp c = inData();

        c.sendRaw("Subject: dots\r\n\r\n..leading dot\r\n...two\r\nlast\r\n.\r\n");

        assertThat(c.reply()).startsWith("250 2.0.0");
        String body = fixture.received.get(storedBefore).text();
        assertThat(body).endsWith("\r\n\r\n.leading dot\r\n..two\r\nlast\r\n");
    }

    @Test
    void commandsPipelinedInOneWriteAreAnsweredInOrder() throws IOException {
        RawSmtp c = mx();

        c.sendRaw("MAIL FROM:<a@internet.example>\r\nRCPT TO:<mario.rossi@pec.example.it>\r\nRCPT TO:<x@elsewhere.example>\r\nDATA\r\n");
        assertThat(c.reply()).startsWith("250 2.1.0");
        assertThat(c.reply()).startsWith("250 2.1.5");
        assertThat(c.reply()).startsWith("550 5.7.1");
        assertThat(c.reply()).startsWith("354");
        c.sendRaw("Subject: p\r\n\r\nx\r\n.\r\nNOOP\r\nQUIT\r\n");
        assertThat(c.reply()).startsWith("250 2.0.0");
        assertThat(c.reply()).startsWith("250 2.0.0");
        assertThat(c.reply()).startsWith("221 2.0.0");
        assertThat(fixture.received.get(storedBefore).envelope().recipients()).extracting(SmtpPath::address)
                .containsExactly("mario.rossi@pec.example.it");
    }

    @Test
    void port25NeverRelaysToADomainWeDoNotHost() throws IOException {
        RawSmtp c = mx();
        c.command("MAIL FROM:<spammer@internet.example>");

        assertThat(c.command("RCPT TO:<victim@gmail.example>")).startsWith("550 5.7.1");
        assertThat(c.command("RCPT TO:<victim@pec.example.it.evil.example>")).startsWith("550 5.7.1");
        assertThat(c.command("RCPT TO:<victim@example.it>")).startsWith("550 5.7.1");
        assertThat(c.command("DATA")).startsWith("503 5.5.1");
        assertThat(c.command("AUTH PLAIN AGZvbwBiYXI=")).startsWith("502 5.5.1");
    }

    @Test
    void anOverlongCommandLineGets500AndTheConnectionCloses() throws IOException {
        RawSmtp c = mx();

        c.send("NOOP " + "x".repeat(3000));

        assertThat(c.reply()).startsWith("500 5.5.2");
        assertThat(c.closedByServer()).isTrue();
    }

    @Test
    void aBareLfNeverSeparatesCommandsAndTheLineGets500() throws IOException {
        RawSmtp c = mx();

        c.sendRaw("NOOP\nRSET\r\n");

        assertThat(c.reply()).startsWith("500 5.5.2");
        assertThat(c.closedByServer()).isTrue();
    }

    @Test
    void invalidUtf8InACommandGets500() throws IOException {
        RawSmtp c = mx();

        c.sendBytes("HELO \u00ff\u00fe\u00c3(\r\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(c.reply()).startsWith("500 5.5.2");
    }

    @Test
    void anOverlongDataLineIsRefusedWith552() throws IOException {
        RawSmtp c = inData();

        c.sendRaw("Subject: long\r\n\r\n" + "y".repeat(1200) + "\r\n.\r\n");

        assertThat(c.reply()).startsWith("552 5.6.0");
        assertThat(fixture.received).hasSize(storedBefore);
    }

    @Test
    void aHeaderFloodIsRefusedWith552() throws IOException {
        RawSmtp c = inData();
        StringBuilder flood = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            flood.append("X-Flood-").append(i).append(": y\r\n");
        }

        c.sendRaw(flood + "\r\nbody\r\n.\r\n");

        assertThat(c.reply()).startsWith("552 5.6.0");
        assertThat(c.command("RSET")).startsWith("250 2.0.0");
    }

    @Test
    void aMessageOverTheSizeLimitIsRefusedAtMailOrAtTheEndOfData() throws IOException {
        RawSmtp c = mx();
        assertThat(c.command("MAIL FROM:<a@internet.example> SIZE=10000000")).startsWith("552 5.3.4");
        c.command("MAIL FROM:<a@internet.example> SIZE=100");
        c.command("RCPT TO:<mario.rossi@pec.example.it>");
        c.command("DATA");

        c.sendRaw("Subject: big\r\n\r\n" + ("z".repeat(998) + "\r\n").repeat(100) + ".\r\n");

        assertThat(c.reply()).startsWith("552 5.3.4");
        assertThat(fixture.received).hasSize(storedBefore);
    }

    @Test
    void eightBitBodiesAreAcceptedAsData() throws IOException {
        RawSmtp c = mx();
        c.command("MAIL FROM:<a@internet.example> BODY=8BITMIME");
        c.command("RCPT TO:<mario.rossi@pec.example.it>");
        c.command("DATA");

        c.sendBytes("Subject: 8bit\r\n\r\n\u00e8\u00ff\u0080 junk\r\n.\r\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(c.reply()).startsWith("250 2.0.0");
        assertThat(fixture.received.get(storedBefore).body()).contains((byte) 0xff, (byte) 0x80);
        assertThat(fixture.received.get(storedBefore).envelope().eightBitMime()).isTrue();
    }

    @Test
    void invalidAddressesGet501WithTheirStatus() throws IOException {
        RawSmtp c = mx();

        assertThat(c.command("MAIL FROM:<no-at-sign>")).startsWith("501 5.1.7");
        assertThat(c.command("MAIL FROM:<a@b@c.example>")).startsWith("501 5.1.7");
        assertThat(c.command("MAIL FROM:someone@internet.example")).startsWith("501 5.5.4");
        assertThat(c.command("MAIL FROM:<a@internet.example> SMTPUTF8")).startsWith("555 5.5.4");
        assertThat(c.command("MAIL FROM:<>")).startsWith("250 2.1.0");
        assertThat(c.command("RCPT TO:<>")).startsWith("501 5.1.3");
        assertThat(c.command("RCPT TO:<@relay.example:victim@pec.example.it>")).startsWith("501 5.1.3");
        assertThat(c.command("RCPT TO:<" + "l".repeat(65) + "@pec.example.it>")).startsWith("501 5.1.3");
        c.sendBytes("RCPT TO:<\u00e8@pec.example.it>\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(c.reply()).startsWith("501 5.1.3");
        assertThat(c.command("RCPT TO:<mario.rossi@pec.example.it> NOTIFY=NEVER")).startsWith("555 5.5.4");
        assertThat(c.command("RCPT TO:<mario.rossi@pec.example.it>")).startsWith("250 2.1.5");
    }

    @Test
    void commandsOutOfSequenceGet503AndUnknownOnes500() throws IOException {
        RawSmtp c = RawSmtp.plain(fixture.mx.port());
        clients.add(c);
        c.reply();

        assertThat(c.command("MAIL FROM:<a@internet.example>")).startsWith("503 5.5.1");
        c.command("HELO attacker.example");
        assertThat(c.command("RCPT TO:<mario.rossi@pec.example.it>")).startsWith("503 5.5.1");
        assertThat(c.command("DATA")).startsWith("503 5.5.1");
        assertThat(c.command("FOOBAR")).startsWith("500 5.5.2");
        assertThat(c.command("MAILX FROM:<a@internet.example>")).startsWith("500 5.5.2");
        assertThat(c.command("XY")).startsWith("500 5.5.2");
        assertThat(c.command("BDAT 10 LAST")).startsWith("502 5.5.1");
        assertThat(c.command("VRFY root")).startsWith("252 2.5.0");
        assertThat(c.command("EXPN staff")).startsWith("502 5.5.1");
        assertThat(c.command("HELO")).startsWith("501 5.5.4");
        assertThat(c.command("QUIT")).startsWith("221 2.0.0");
    }

    @Test
    void commandsPipelinedAfterStartTlsAreNeverExecuted() throws IOException {
        RawSmtp c = mx();

        c.sendRaw("STARTTLS\r\nMAIL FROM:<injected@internet.example>\r\n");
        assertThat(c.reply()).startsWith("220 2.0.0");
        c.startTls(fixture.pki.clientContext());

        assertThat(c.command("RCPT TO:<mario.rossi@pec.example.it>")).startsWith("503 5.5.1");
        assertThat(c.command("EHLO attacker.example")).doesNotContain("STARTTLS");
        assertThat(c.command("MAIL FROM:<a@internet.example>")).startsWith("250 2.1.0");
    }

    @Test
    void connectionsBeyondTheBoundGet421() throws IOException {
        List<RawSmtp> open = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                RawSmtp c = RawSmtp.plain(fixture.mx.port());
                open.add(c);
                assertThat(c.reply()).startsWith("220 ");
            }
            RawSmtp extra = RawSmtp.plain(fixture.mx.port());
            clients.add(extra);
            assertThat(extra.reply()).startsWith("421 4.7.0");
        } finally {
            for (RawSmtp c : open) {
                c.close();
            }
            awaitSessionsReleased();
        }
    }

    /**
     * The server notices closed sockets asynchronously; under load the next test could otherwise meet the bound
     * this test filled. Waits (at most 10 s) until a new connection is greeted with 220 again.
     */
    private void awaitSessionsReleased() throws IOException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (RawSmtp probe = RawSmtp.plain(fixture.mx.port())) {
                String greeting = probe.reply();
                if (greeting != null && greeting.startsWith("220 ")) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server kept the closed sessions for more than 10 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
