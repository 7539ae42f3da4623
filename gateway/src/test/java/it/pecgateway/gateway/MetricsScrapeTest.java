package it.pecgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.pecgateway.gateway.smtp.SmtpRole;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.NewMailbox;
import jakarta.mail.AuthenticationFailedException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics as Prometheus sees them: {@code /metrics} scraped over HTTP and parsed before and after real traffic
 * (Angus Mail over SMTPS, IMAPS, POP3S; a plaintext client on a TLS port), and the counters moved by exactly what
 * that traffic did.
 */
class MetricsScrapeTest {
    static final String ADA = "ada@pec.localhost";
    static final String BRUNO = "bruno@pec.localhost";
    static final String PASSWORD = "password-lunga-e-segreta";

    @TempDir
    static Path dir;
    static Gateway gateway;
    static MailClients clients;

    @BeforeAll
    static void start() throws Exception {
        gateway = TestConfigs.startGateway(dir, "", Clock.systemUTC());
        for (String address : new String[] {ADA, BRUNO}) {
            gateway.store().accounts().createMailbox(new NewMailbox(address, Optional.of(PASSWORD.toCharArray()),
                    MailboxState.ACTIVE, Optional.empty(), 0));
        }
        clients = new MailClients(gateway.keys().trustAnchors().get(0));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    static Scrape scrape() throws Exception {
        var r = TestHttp.plain().get("http://127.0.0.1:" + gateway.httpPort().orElseThrow() + "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        return Scrape.parse(r.body());
    }

    static String scrapeText() throws Exception {
        return TestHttp.plain().get("http://127.0.0.1:" + gateway.httpPort().orElseThrow() + "/metrics").body();
    }

    static Scrape awaitScrape(String what, Predicate<Scrape> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Scrape s = scrape();
        while (!condition.test(s)) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(50);
            s = scrape();
        }
        return s;
    }

    static double emitted(Scrape s, String kind) {
        return s.sum("pec_messages_total", "kind", kind, "direction", "emitted");
    }

    @Test
    void countersMoveByWhatTheTrafficDid() throws Exception {
        Scrape before = scrape();
        int smtp = gateway.transport().ports(SmtpRole.SUBMISSION).get(0);
        int imaps = gateway.access().address("imaps").orElseThrow().getPort();
        int pop3s = gateway.access().address("pop3s").orElseThrow().getPort();

        String accepted = clients.submit(smtp, ADA, PASSWORD, clients.message(ADA, BRUNO, "Fattura", "in allegato"));
        SMTPMessage forged = new SMTPMessage(clients.message(BRUNO, BRUNO, "Finto", "From non mio"));
        forged.setEnvelopeFrom(ADA);
        String refused = clients.submit(smtp, ADA, PASSWORD, forged);
        assertThatThrownBy(() -> clients.submit(smtp, ADA, "sbagliata", clients.message(ADA, BRUNO, "x", "y")))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> clients.fetch("imaps", imaps, ADA, "sbagliata", 1)).isInstanceOf(AuthenticationFailedException.class);
        clients.fetch("pop3s", pop3s, ADA, PASSWORD, 1);
        plaintextHello(imaps);
        Scrape after = awaitScrape("the delivery receipt and the failed handshake",
                s -> emitted(s, "delivery") > emitted(before, "delivery")
                        && s.sum("pec_tls_handshake_failures_total", "protocol", "imap") > before.sum("pec_tls_handshake_failures_total", "protocol", "imap"));

        assertThat(accepted).startsWith("250 2.0.0 opec.");
        assertThat(refused).startsWith("250 2.0.0 Non accettato");
        Delta d = new Delta(before, after);
        assertThat(d.of("pec_messages_total", "kind", "acceptance", "direction", "emitted")).isEqualTo(1);
        assertThat(d.of("pec_messages_total", "kind", "transport_envelope", "direction", "emitted")).isEqualTo(1);
        assertThat(d.of("pec_messages_total", "kind", "delivery", "direction", "emitted")).isEqualTo(1);
        assertThat(d.of("pec_messages_total", "kind", "non_acceptance", "direction", "emitted")).isEqualTo(1);
        assertThat(d.of("pec_formal_checks_total", "outcome", "passed")).isEqualTo(1);
        assertThat(d.of("pec_formal_checks_total", "outcome", "sender_mismatch")).isEqualTo(1);
        assertThat(d.of("pec_relay_attempts_total", "peer", "local", "outcome", "delivered")).isEqualTo(1);
        assertThat(d.of("pec_signing_seconds_count")).as("acceptance, envelope, delivery, non-acceptance").isEqualTo(4);
        assertThat(d.of("pec_store_transaction_seconds_count")).isGreaterThanOrEqualTo(3);
        assertThat(d.of("pec_connections_total", "protocol", "smtp")).isEqualTo(3);
        assertThat(d.of("pec_logins_total", "protocol", "smtp")).isEqualTo(2);
        assertThat(d.of("pec_auth_failures_total", "protocol", "smtp", "reason", "bad_credentials")).isEqualTo(1);
        assertThat(d.of("pec_commands_total", "protocol", "smtp", "outcome", "ok")).as("EHLO AUTH MAIL RCPT DATA QUIT, twice")
                .isGreaterThanOrEqualTo(12);
        assertThat(d.of("pec_commands_total", "protocol", "smtp", "outcome", "error")).isZero();
        assertThat(d.of("pec_auth_failures_total", "protocol", "imap", "reason", "bad_credentials")).isEqualTo(1);
        assertThat(d.of("pec_tls_handshake_failures_total", "protocol", "imap")).isEqualTo(1);
        assertThat(d.of("pec_connections_total", "protocol", "imap")).isEqualTo(2);
        assertThat(d.of("pec_logins_total", "protocol", "pop3")).isEqualTo(1);
        assertThat(d.of("pec_commands_total", "protocol", "pop3", "outcome", "ok")).isGreaterThanOrEqualTo(3);
        assertThat(after.contains("pec_queue_depth")).isTrue();
        assertThat(after.sum("pec_queue_depth")).isGreaterThanOrEqualTo(0);
        assertThat(after.sum("pec_connections_open", "protocol", "smtp")).isZero();
        assertThat(scrapeText()).doesNotContain("ada@", "bruno", "pec.localhost");
    }

    @Test
    void everyMetricTheDashboardQueriesIsInARealScrape() throws Exception {
        Set<String> queried = dashboardMetricNames();
        Scrape s = awaitScrape("a GC pause to be recorded", x -> {
            System.gc();
            return x.contains("jvm_gc_pause_seconds_count");
        });

        assertThat(queried).hasSizeGreaterThan(15);
        assertThat(queried.stream().filter(name -> !s.contains(name)).toList()).as("queried by the dashboard, absent from /metrics")
                .isEmpty();
    }

    @Test
    void everyGatewayMetricHasAPanelAndADocumentedMeaning() throws Exception {
        Set<String> families = new TreeSet<>();
        scrape().names().stream().filter(n -> n.startsWith("pec_"))
                .forEach(n -> families.add(n.replaceAll("_(bucket|count|sum|max)$", "")));
        Set<String> queried = dashboardMetricNames();
        String docs = Files.readString(RepositoryFiles.find("docs/observability.md"));

        assertThat(families).hasSizeGreaterThanOrEqualTo(14);
        assertThat(families.stream().filter(f -> queried.stream().noneMatch(q -> q.startsWith(f))).toList())
                .as("gateway metrics no dashboard panel shows").isEmpty();
        assertThat(families.stream().filter(f -> !docs.contains("`" + f + "`")).toList())
                .as("gateway metrics missing from docs/observability.md").isEmpty();
    }

    static Set<String> dashboardMetricNames() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(RepositoryFiles.find("ops/grafana/pec-gateway-dashboard.json").toFile());
        Set<String> names = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                names.addAll(PromQl.metricNames(target.get("expr").asText()));
            }
        }
        return names;
    }

    /** A client that speaks plaintext where TLS is expected, until the server hangs up. */
    static void plaintextHello(int port) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write("a1 CAPABILITY\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            while (in.read() >= 0) {
                // a TLS alert, then the end
            }
        }
    }

    record Delta(Scrape before, Scrape after) {
        double of(String name, String... labels) {
            return after.sum(name, labels) - before.sum(name, labels);
        }
    }
}
