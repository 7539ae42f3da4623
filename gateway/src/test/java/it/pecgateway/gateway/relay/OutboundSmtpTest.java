package it.pecgateway.gateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import it.pecgateway.config.LimitsConfig;
import it.pecgateway.config.ListenerConfig;
import it.pecgateway.config.RelayConfig;
import it.pecgateway.config.TlsMode;
import it.pecgateway.gateway.TestConfigs;
import it.pecgateway.gateway.smtp.AuthThrottle;
import it.pecgateway.gateway.smtp.SmtpEndpoint;
import it.pecgateway.gateway.smtp.SmtpListener;
import it.pecgateway.gateway.smtp.SmtpPath;
import it.pecgateway.gateway.smtp.SmtpReplies;
import it.pecgateway.gateway.smtp.SmtpReply;
import it.pecgateway.gateway.smtp.SmtpRole;
import it.pecgateway.gateway.smtp.SmtpSessionView;
import it.pecgateway.gateway.smtp.SmtpTransactionHandler;
import it.pecgateway.gateway.smtp.Spool;
import it.pecgateway.gateway.testing.TestPki;
import it.pecgateway.mailstore.BodySource;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The outbound client against real servers: our own MX as a PEC peer (STARTTLS, test CA) and GreenMail. */
class OutboundSmtpTest {
    private static final byte[] BODY = ("From: a@pec.mine.example\r\nTo: b@pec.peer.example\r\nSubject: relay\r\n"
            + "Message-ID: <x@pec.mine.example>\r\n\r\n.leading dot line\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final RelayConfig RELAY = new RelayConfig(Map.of(), List.of(Duration.ofSeconds(1)), Duration.ofHours(24),
            2, Duration.ofSeconds(5), Duration.ofSeconds(10));

    private static TestPki peerPki;
    private static SmtpListener peer;
    private static final List<byte[]> peerReceived = new CopyOnWriteArrayList<>();
    private static final List<Boolean> peerTls = new CopyOnWriteArrayList<>();
    private static GreenMail internet;

    @BeforeAll
    static void start() throws Exception {
        peerPki = TestPki.create("peer");
        SmtpTransactionHandler handler = new SmtpTransactionHandler() {
            @Override
            public SmtpReply recipient(SmtpSessionView session, SmtpPath sender, SmtpPath recipient) {
                return recipient.localPart().equals("busy") ? new SmtpReply(451, "4.3.2", "Try later") : SmtpReplies.RECIPIENT_OK;
            }

            @Override
            public SmtpReply message(SmtpSessionView session, it.pecgateway.gateway.smtp.SmtpEnvelope envelope,
                                     it.pecgateway.gateway.smtp.SpooledMessage message) {
                try {
                    peerReceived.add(message.readAll());
                    peerTls.add(session.tlsActive());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return SmtpReplies.ACCEPTED;
            }
        };
        SmtpEndpoint endpoint = SmtpEndpoint.of(SmtpRole.MX, new ListenerConfig(true, "127.0.0.1", 0, TlsMode.STARTTLS_OPTIONAL),
                "mx.pec.peer.example", new LimitsConfig(1 << 20, 30L << 20, 10, 1000), "pec.peer.example"::equals,
                TestConfigs.defaults().smtp());
        peer = new SmtpListener(endpoint, Optional.of(peerPki.serverContext()), handler, Optional.empty(),
                new AuthThrottle(TestConfigs.defaults().smtp().authThrottle(), Clock.systemUTC()), new Spool(Files.createTempDirectory("peer-spool")),
                Clock.systemUTC());
        peer.start();
        internet = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        internet.start();
    }

    @AfterAll
    static void stop() {
        peer.close();
        internet.stop();
    }

    private static OutboundSmtp client(TestPki trusted) {
        return new OutboundSmtp("mx.pec.mine.example", RELAY, trusted.clientContext());
    }

    private static List<NextHop> peerHop() {
        return List.of(new NextHop("localhost", peer.port(), NextHop.Source.STATIC_ROUTE));
    }

    @Test
    void aPecPeerWithATrustedCertificateGetsTheExactBytesOverTls() {
        int before = peerReceived.size();

        DeliveryAttempt attempt = client(peerPki).send(peerHop(), OutboundSmtp.Security.REQUIRE_VERIFIED_TLS,
                "a@pec.mine.example", "b@pec.peer.example", BodySource.of(BODY));

        assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.Outcome.DELIVERED);
        assertThat(attempt.detail()).startsWith("250 2.0.0");
        assertThat(peerTls.get(before)).isTrue();
        String stored = new String(peerReceived.get(before), StandardCharsets.US_ASCII);
        assertThat(stored).startsWith("Received: ").endsWith(new String(BODY, StandardCharsets.US_ASCII));
    }

    @Test
    void aPecPeerWhoseCertificateWeDoNotTrustGetsNothing() {
        int before = peerReceived.size();

        DeliveryAttempt attempt = client(TestPki.create("stranger")).send(peerHop(), OutboundSmtp.Security.REQUIRE_VERIFIED_TLS,
                "a@pec.mine.example", "b@pec.peer.example", BodySource.of(BODY));

        assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.Outcome.TEMPORARY_FAILURE);
        assertThat(attempt.detail()).contains("TLS failed");
        assertThat(peerReceived).hasSize(before);
    }

    @Test
    void aPecPeerWithoutStartTlsGetsNothing() {
        int before = internet.getReceivedMessages().length;

        DeliveryAttempt attempt = client(peerPki).send(
                List.of(new NextHop("127.0.0.1", internet.getSmtp().getPort(), NextHop.Source.STATIC_ROUTE)),
                OutboundSmtp.Security.REQUIRE_VERIFIED_TLS, "a@pec.mine.example", "b@plain.example", BodySource.of(BODY));

        assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.Outcome.TEMPORARY_FAILURE);
        assertThat(internet.getReceivedMessages()).hasSize(before);
    }

    @Test
    void anOrdinaryDomainGetsPlainSmtpWithTheBodyUnchanged() throws Exception {
        int before = internet.getReceivedMessages().length;

        DeliveryAttempt attempt = client(peerPki).send(
                List.of(new NextHop("127.0.0.1", internet.getSmtp().getPort(), NextHop.Source.MX)),
                OutboundSmtp.Security.OPPORTUNISTIC_TLS, "a@pec.mine.example", "friend@internet.example", BodySource.of(BODY));

        assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.Outcome.DELIVERED);
        assertThat(internet.getReceivedMessages()).hasSize(before + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        internet.getReceivedMessages()[before].writeTo(out);
        assertThat(out.toString(StandardCharsets.US_ASCII)).contains("Subject: relay").contains("\r\n.leading dot line\r\nbody");
    }

    @Test
    void anOrdinaryDomainOfferingStartTlsWithAnUnknownCertificateStillGetsTls() {
        int before = peerReceived.size();

        DeliveryAttempt attempt = client(TestPki.create("stranger")).send(peerHop(), OutboundSmtp.Security.OPPORTUNISTIC_TLS,
                "a@pec.mine.example", "b@pec.peer.example", BodySource.of(BODY));

        assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.Outcome.DELIVERED);
        assertThat(peerTls.get(before)).isTrue();
    }

    @Test
    void aFiveHundredReplyIsPermanentAndAFourHundredOneTemporary() {
        OutboundSmtp client = client(peerPki);

        DeliveryAttempt relayDenied = client.send(peerHop(), OutboundSmtp.Security.REQUIRE_VERIFIED_TLS,
                "a@pec.mine.example", "b@not-hosted.example", BodySource.of(BODY));
        DeliveryAttempt busy = client.send(peerHop(), OutboundSmtp.Security.REQUIRE_VERIFIED_TLS,
                "a@pec.mine.example", "busy@pec.peer.example", BodySource.of(BODY));

        assertThat(relayDenied.outcome()).isEqualTo(DeliveryAttempt.Outcome.PERMANENT_FAILURE);
        assertThat(relayDenied.detail()).contains("550 5.7.1");
        assertThat(busy.outcome()).isEqualTo(DeliveryAttempt.Outcome.TEMPORARY_FAILURE);
        assertThat(busy.detail()).contains("451 4.3.2");
    }

    @Test
    void aDeadHopIsSkippedForTheNextOne() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        int before = peerReceived.size();

        DeliveryAttempt attempt = client(peerPki).send(List.of(new NextHop("localhost", deadPort, NextHop.Source.MX),
                        new NextHop("localhost", peer.port(), NextHop.Source.MX)), OutboundSmtp.Security.REQUIRE_VERIFIED_TLS,
                "a@pec.mine.example", "b@pec.peer.example", BodySource.of(BODY));
        DeliveryAttempt allDead = client(peerPki).send(List.of(new NextHop("localhost", deadPort, NextHop.Source.MX)),
                OutboundSmtp.Security.REQUIRE_VERIFIED_TLS, "a@pec.mine.example", "b@pec.peer.example", BodySource.of(BODY));

        assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.Outcome.DELIVERED);
        assertThat(peerReceived).hasSize(before + 1);
        assertThat(allDead.outcome()).isEqualTo(DeliveryAttempt.Outcome.TEMPORARY_FAILURE);
    }

    @Test
    void anEightBitMessageIsNotSentToAServerWithout8BitMime() throws Exception {
        byte[] eightBit = "Subject: caff\u00e8\r\n\r\nUn caff\u00e8, grazie.\r\n".getBytes(StandardCharsets.ISO_8859_1);
        List<String> commands = new CopyOnWriteArrayList<>();
        try (ServerSocket seven = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (java.net.Socket s = seven.accept()) {
                    java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    java.io.OutputStream out = s.getOutputStream();
                    out.write("220 seven.example ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                    for (String line; (line = in.readLine()) != null; ) {
                        commands.add(line);
                        String reply = line.startsWith("DATA") ? "354 go on" : line.startsWith("QUIT") ? "221 bye" : "250 seven.example";
                        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        if (line.startsWith("QUIT")) {
                            return;
                        }
                    }
                } catch (java.io.IOException e) {
                    // the client went away
                }
            });
            server.start();

            DeliveryAttempt attempt = client(peerPki).send(List.of(new NextHop("127.0.0.1", seven.getLocalPort(), NextHop.Source.MX)),
                    OutboundSmtp.Security.OPPORTUNISTIC_TLS, "a@pec.mine.example", "friend@seven.example", BodySource.of(eightBit));
            server.join(5000);

            assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.Outcome.PERMANENT_FAILURE);
            assertThat(attempt.detail()).contains("8BITMIME");
            assertThat(commands).first().asString().startsWith("EHLO");
            assertThat(commands).noneMatch(c -> c.startsWith("MAIL") || c.startsWith("DATA"));
        }
    }
}
