package it.pecgateway.gateway.smtp;

import it.pecgateway.config.LimitsConfig;
import it.pecgateway.config.ListenerConfig;
import it.pecgateway.config.SmtpConfig;
import it.pecgateway.config.TlsMode;
import it.pecgateway.gateway.TestConfigs;
import it.pecgateway.gateway.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Three listeners as a node runs them (465 implicit TLS, 587 STARTTLS required, 25 MX), on port 0. */
final class SmtpFixture implements AutoCloseable {
    static final String USER = "mario.rossi@pec.example.it";
    static final String PASSWORD = "correct horse battery staple";
    static final String SUSPENDED = "sospeso@pec.example.it";

    final TestPki pki = TestPki.create("smtp");
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AuthThrottle throttle;
    final SmtpListener smtps;
    final SmtpListener submission;
    final SmtpListener mx;
    final Path spoolDir;
    private final AtomicInteger ids = new AtomicInteger();

    record Received(SmtpRole role, SmtpEnvelope envelope, byte[] body, Optional<String> authenticated, boolean tls) {
        String text() {
            return new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    SmtpFixture() throws Exception {
        this(new LimitsConfig(64 * 1024, 30L << 20, 5, 1000),
                new SmtpConfig.AuthThrottleConfig(2, Duration.ofMillis(100), Duration.ofMillis(300), 5, Duration.ofMinutes(10), Duration.ofMinutes(10)));
    }

    SmtpFixture(LimitsConfig limits, SmtpConfig.AuthThrottleConfig policy) throws Exception {
        spoolDir = Files.createTempDirectory("spool");
        Spool spool = new Spool(spoolDir);
        throttle = new AuthThrottle(policy, Clock.systemUTC());
        SmtpTransactionHandler handler = (session, envelope, message) -> {
            received.add(new Received(session.role(), envelope, readAll(message), session.authenticatedMailbox(), session.tlsActive()));
            return SmtpReplies.ACCEPTED.withText("opec-test." + ids.incrementAndGet() + "@pec.example.it");
        };
        SubmitterAuthenticator authenticator = (user, password) -> {
            Map<String, String> passwords = Map.of(USER, PASSWORD, SUSPENDED, PASSWORD);
            if (!new String(password).equals(passwords.get(user.toLowerCase()))) {
                return SubmitterAuthenticator.Outcome.rejected();
            }
            return user.equalsIgnoreCase(SUSPENDED) ? SubmitterAuthenticator.Outcome.disabled()
                    : SubmitterAuthenticator.Outcome.accepted(user.toLowerCase());
        };
        Set<String> domains = Set.of("pec.example.it");
        Optional<javax.net.ssl.SSLContext> tls = Optional.of(pki.serverContext());
        smtps = new SmtpListener(endpoint(SmtpRole.SUBMISSION, TlsMode.IMPLICIT, limits, domains), tls, handler,
                Optional.of(authenticator), throttle, spool, Clock.systemUTC());
        submission = new SmtpListener(endpoint(SmtpRole.SUBMISSION, TlsMode.STARTTLS_REQUIRED, limits, domains), tls, handler,
                Optional.of(authenticator), throttle, spool, Clock.systemUTC());
        mx = new SmtpListener(endpoint(SmtpRole.MX, TlsMode.STARTTLS_OPTIONAL, limits, domains), tls, handler,
                Optional.empty(), throttle, spool, Clock.systemUTC());
        smtps.start();
        submission.start();
        mx.start();
    }

    private static SmtpEndpoint endpoint(SmtpRole role, TlsMode mode, LimitsConfig limits, Set<String> domains) {
        return SmtpEndpoint.of(role, new ListenerConfig(true, "127.0.0.1", 0, mode), "mx.pec.example.it", limits,
                d -> domains.contains(d.toLowerCase()), TestConfigs.defaults().smtp()).withMaxSessions(8).withIdleTimeout(Duration.ofSeconds(20));
    }

    private static byte[] readAll(SpooledMessage message) {
        try {
            return message.readAll();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        smtps.close();
        submission.close();
        mx.close();
    }
}
