package it.pecgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.certs.PemFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as an operator runs it: {@code serve} in its own JVM on port 0, spoken to over real HTTP and
 * HTTPS, stopped with SIGTERM, started again on the same data directory.
 */
class ServeProcessIT {
    static final Path JAR = Path.of("target/pec-gateway.jar").toAbsolutePath();
    static final Duration STARTUP = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    ChildProcess serve() throws Exception {
        return ChildProcess.start(dir, List.of(ChildProcess.java(), "-jar", JAR.toString(), "serve", "--config", "test.yaml"));
    }

    /** Another invocation of the jar on the same configuration, while the gateway runs. */
    ChildProcess command(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(ChildProcess.java(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", "test.yaml"));
        return ChildProcess.start(dir, command);
    }

    @Test
    void serveStartsAnswersStopsOnSigtermAndStartsAgainWithTheSamePki() throws Exception {
        Files.writeString(dir.resolve("test.yaml"), TestConfigs.loopbackOnPortZero("starttls-optional"));
        String fingerprint;
        try (ChildProcess gateway = serve()) {
            Matcher ready = gateway.awaitErr("PEC gateway ready in (\\d+) ms", STARTUP);
            System.out.println("first start (PKI made): ready in " + ready.group(1) + " ms");
            int port = Integer.parseInt(gateway.awaitErr("started http 127\\.0\\.0\\.1:(\\d+) \\(TLS: starttls-optional", STARTUP).group(1));
            fingerprint = gateway.awaitErr("CA certificate SHA-256 fingerprint ([0-9A-F:]{95})", STARTUP).group(1);
            assertThat(gateway.err()).contains("data directory " + dir.resolve("data"))
                    .containsPattern("started certified transport: smtps 127\\.0\\.0\\.1:[1-9]\\d* \\(SMTP submission, TLS: implicit\\),"
                            + " submission 127\\.0\\.0\\.1:[1-9]\\d* \\(SMTP submission, TLS: starttls-required\\),"
                            + " mx 127\\.0\\.0\\.1:[1-9]\\d* \\(SMTP mx, TLS: starttls-optional\\)")
                    .containsPattern("started mail access: imaps 127\\.0\\.0\\.1:[1-9]\\d* \\(IMAP, TLS: implicit\\),"
                            + " pop3s 127\\.0\\.0\\.1:[1-9]\\d* \\(POP3, TLS: implicit\\)")
                    .doesNotContain("not served");

            assertThat(TestHttp.plain().get("http://127.0.0.1:" + port + "/health").body()).contains("\"status\":\"UP\"");
            var ca = PemFiles.readCertificates(dir.resolve("data/pki/ca.pem")).get(0);
            assertThat(TestHttp.trusting(ca).get("https://localhost:" + port + "/metrics").body()).contains("jvm_memory_used_bytes");
            assertThat(it.pecgateway.certs.Fingerprints.sha256Hex(ca)).isEqualTo(fingerprint.replace(":", ""));

            try (ChildProcess add = command("mailbox", "add", "dave@pec.localhost", "--password-stdin").input("Dave-pw-1\n")) {
                assertThat(add.awaitExit(STARTUP)).as(add.err()).isZero();
                assertThat(add.out()).isEqualTo("mailbox dave@pec.localhost added (active)\n");
            }
            try (ChildProcess twice = command("mailbox", "add", "dave@pec.localhost")) {
                assertThat(twice.awaitExit(STARTUP)).isEqualTo(1);
                assertThat(twice.err()).contains("mailbox dave@pec.localhost exists already");
            }
            try (ChildProcess list = command("mailbox", "list")) {
                assertThat(list.awaitExit(STARTUP)).isZero();
                // the certified transport creates the service mailbox (index mailReceipt) at start
                assertThat(list.out()).isEqualTo("dave@pec.localhost\tactive\nposta-certificata@pec.localhost\tactive\n");
            }
            assertThat(gateway.err()).contains("administration: ADD_MAILBOX dave@pec.localhost (with password) -> done")
                    .doesNotContain("Dave-pw-1");

            int status = gateway.terminate(Duration.ofSeconds(30));

            assertThat(status).as("SIGTERM ends the JVM with 128+15 after the shutdown hook").isEqualTo(143);
            assertThat(gateway.err()).contains("PEC gateway stopping", "PEC gateway stopped").doesNotContain("Exception");
        }
        try (ChildProcess again = serve()) {
            Matcher ready = again.awaitErr("PEC gateway ready in (\\d+) ms", STARTUP);
            System.out.println("second start (PKI reused): ready in " + ready.group(1) + " ms");
            assertThat(again.err()).contains("fingerprint " + fingerprint).doesNotContain("made a development PKI");
            assertThat(again.terminate(Duration.ofSeconds(30))).isEqualTo(143);
        }
    }

    @Test
    void aBadConfigurationEndsTheProcessWithStatus2AndEveryProblem() throws Exception {
        Files.writeString(dir.resolve("test.yaml"), "provider: {name: X, domains: [pec.x.it]}\nlisteners: {imaps: {port: 70000}}\nfoo: 1\n");
        try (ChildProcess gateway = serve()) {
            assertThat(gateway.awaitExit(STARTUP)).isEqualTo(2);
            assertThat(gateway.err()).contains("listeners.imaps.port: 70000 is not a port (1-65535)", "foo: unknown key")
                    .doesNotContain("\tat ");
        }
    }
}
