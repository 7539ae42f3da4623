package it.pecgateway.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.certs.DevPki;
import it.pecgateway.certs.PemFiles;
import it.pecgateway.config.ProviderConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    static final String VALID = """
            provider: {name: Example PEC, domains: [pec.example.it]}
            listeners:
              http: {address: 127.0.0.1, port: 0}
            """;

    @TempDir
    Path dir;

    Cli cli() {
        return new Cli(dir);
    }

    static void assertNoStackTrace(Cli.Result r) {
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void checkConfigListsEveryProblemAndExitsWith2() throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), """
                provider: {name: Example PEC, domains: [pec.example.it]}
                listeners:
                  imaps: {port: 70000}
                  smtps: {tls: none}
                limits: {max-message-bytes: lots}
                tyop: 1
                """);

        Cli.Result r = cli().run("check-config", "--config", "bad.yaml");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains(
                "  - listeners.imaps.port: 70000 is not a port (1-65535)",
                "  - listeners.smtps.tls: none would let passwords travel in clear",
                "  - limits.max-message-bytes: 'lots' is not a size",
                "  - tyop: unknown key");
        assertNoStackTrace(r);
    }

    @Test
    void checkConfigAcceptsAValidFileFoundInTheCurrentDirectory() throws IOException {
        Files.writeString(dir.resolve("pec-gateway.yaml"), VALID);

        Cli.Result r = cli().run("check-config");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("configuration is valid: " + dir.resolve("pec-gateway.yaml"))
                .contains("a development PKI will be made in " + dir.resolve("data/pki"));
        assertThat(dir.resolve("data")).as("checking has no side effect").doesNotExist();
    }

    @Test
    void checkConfigWithoutAnyFileIsAUsageError() {
        Cli.Result r = cli().run("check-config");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("no configuration to check");
    }

    @Test
    void checkConfigRefusesASigningCertificateForAnotherAddress() throws IOException {
        Path other = dir.resolve("other");
        new DevPki(other, new ProviderConfig("Example PEC", "posta-certificata@pec.other.it", List.of("pec.other.it"),
                List.of("localhost")), Clock.systemUTC()).openOrCreate();
        Files.writeString(dir.resolve("pec-gateway.yaml"), VALID + """
                keys:
                  signing: {pem: {certificate-chain: other/pki/signing.pem, private-key: other/pki/signing-key.pem}}
                  tls: {pem: {certificate-chain: other/pki/tls.pem, private-key: other/pki/tls-key.pem}}
                """);

        Cli.Result r = cli().run("check-config");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("keys.signing: certificate rfc822Name is posta-certificata@pec.other.it,"
                + " but provider.service-address is posta-certificata@pec.example.it");
        assertNoStackTrace(r);
    }

    @Test
    void exportCaWithoutConfigurationAnnouncesAndUsesTheDevelopmentPki() throws IOException {
        Cli.Result first = cli().run("pki", "export-ca");
        Cli.Result second = cli().run("pki", "export-ca");

        assertThat(first.status()).isZero();
        assertThat(first.err()).contains("using the development configuration (data in " + dir.resolve("data") + ")");
        X509Certificate exported = parse(first.out());
        assertThat(exported).isEqualTo(PemFiles.readCertificates(dir.resolve("data/pki/ca.pem")).get(0));
        assertThat(exported.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void exportCaWithProductionKeysPrintsTheTopOfTheChain() throws IOException {
        new DevPki(dir.resolve("issued"), new ProviderConfig("Example PEC", "posta-certificata@pec.example.it",
                List.of("pec.example.it"), List.of("localhost")), Clock.systemUTC()).openOrCreate();
        Files.writeString(dir.resolve("pec-gateway.yaml"), VALID + """
                keys:
                  signing: {pem: {certificate-chain: issued/pki/signing.pem, private-key: issued/pki/signing-key.pem}}
                  tls: {pem: {certificate-chain: issued/pki/tls.pem, private-key: issued/pki/tls-key.pem}}
                """);

        Cli.Result r = cli().run("pki", "export-ca");

        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(parse(r.out())).isEqualTo(PemFiles.readCertificates(dir.resolve("issued/pki/ca.pem")).get(0));
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void serveWithoutConfigurationTellsToUseDevOrConfig() {
        Cli.Result r = cli().run("serve");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("give --config FILE").contains("serve --dev");
        assertNoStackTrace(r);
    }

    @Test
    void serveRefusesDevTogetherWithConfig() {
        Cli.Result r = cli().run("serve", "--dev", "--config", "x.yaml");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--dev and --config exclude each other");
    }

    @Test
    void serveOnAPortInUseFailsWithStatus1AndNoStackTrace() throws IOException {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Files.writeString(dir.resolve("pec-gateway.yaml"), """
                    provider: {name: Example PEC, domains: [pec.example.it]}
                    listeners:
                      smtps: {address: 127.0.0.1, port: 0}
                      submission: {address: 127.0.0.1, port: 0}
                      mx: {address: 127.0.0.1, port: 0}
                      imaps: {address: 127.0.0.1, port: 0}
                      pop3s: {address: 127.0.0.1, port: 0}
                      http: {address: 127.0.0.1, port: %d}
                    """.formatted(taken.getLocalPort()));

            Cli.Result r = cli().run("serve");

            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).contains("pec-gateway: cannot listen for http on 127.0.0.1:" + taken.getLocalPort())
                    .containsIgnoringCase("address already in use");
            assertNoStackTrace(r);
        }
    }

    @Test
    void aDataDirectoryTooDeepForTheAdministrationSocketIsReportedClearly() throws IOException {
        Files.writeString(dir.resolve("pec-gateway.yaml"), VALID + "data-dir: " + "d".repeat(60) + "/" + "e".repeat(60) + "\n");

        Cli.Result r = cli().run("serve");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("cannot create the administration socket").contains("a shorter data-dir helps");
        assertNoStackTrace(r);
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageError() {
        assertThat(cli().run("frobnicate").status()).isEqualTo(2);
        assertThat(cli().run("check-config", "--colour").status()).isEqualTo(2);
        assertThat(cli().run().status()).isEqualTo(2);
    }

    static X509Certificate parse(String pem) throws IOException {
        Path file = Files.createTempFile("exported", ".pem");
        try {
            Files.writeString(file, pem);
            List<X509Certificate> certificates = PemFiles.readCertificates(file);
            assertThat(certificates).hasSize(1);
            return certificates.get(0);
        } finally {
            Files.delete(file);
        }
    }
}
