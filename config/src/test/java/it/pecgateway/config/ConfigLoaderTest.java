package it.pecgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    static final String PROVIDER = """
            provider:
              name: Example PEC
              domains: [pec.example.it]
            """;

    @TempDir
    Path dir;

    GatewayConfig load(String yaml) throws IOException {
        Path file = dir.resolve("pec-gateway.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file);
    }

    List<String> problemsOf(String yaml) {
        try {
            load(yaml);
        } catch (ConfigException e) {
            return e.problems();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return List.of();
    }

    @Test
    void aMinimalFileGetsEveryDefault() throws IOException {
        GatewayConfig c = load(PROVIDER);

        assertThat(c.provider().serviceAddress()).isEqualTo("posta-certificata@pec.example.it");
        assertThat(c.provider().hostnames()).containsExactly("localhost");
        assertThat(c.dataDir()).isEqualTo(dir.resolve("data").toAbsolutePath());
        assertThat(c.listeners().smtps()).isEqualTo(new ListenerConfig(true, "0.0.0.0", 465, TlsMode.IMPLICIT));
        assertThat(c.listeners().submission()).isEqualTo(new ListenerConfig(true, "0.0.0.0", 587, TlsMode.STARTTLS_REQUIRED));
        assertThat(c.listeners().mx()).isEqualTo(new ListenerConfig(true, "0.0.0.0", 25, TlsMode.STARTTLS_OPTIONAL));
        assertThat(c.listeners().imaps()).isEqualTo(new ListenerConfig(true, "0.0.0.0", 993, TlsMode.IMPLICIT));
        assertThat(c.listeners().imap()).isEqualTo(new ListenerConfig(false, "0.0.0.0", 143, TlsMode.STARTTLS_REQUIRED));
        assertThat(c.listeners().pop3s()).isEqualTo(new ListenerConfig(true, "0.0.0.0", 995, TlsMode.IMPLICIT));
        assertThat(c.listeners().http()).isEqualTo(new ListenerConfig(true, "0.0.0.0", 8443, TlsMode.IMPLICIT));
        assertThat(c.storage().kind()).isEqualTo(StorageConfig.Kind.EMBEDDED);
        assertThat(c.storage().embeddedPath()).isEqualTo(c.dataDir().resolve("store"));
        assertThat(c.storage().retention()).isEqualTo(new StorageConfig.Retention(Duration.ofDays(30), Duration.ofDays(30)));
        assertThat(c.limits()).isEqualTo(new LimitsConfig(30L << 20, 100L << 20, 500, 1000));
        assertThat(c.keys().development()).isTrue();
        assertThat(c.providersIndex().ldif()).isEmpty();
        assertThat(c.timers()).isEqualTo(new TimersConfig(Duration.ofHours(12), Duration.ofHours(24), Duration.ofMinutes(1)));
        assertThat(c.relay().staticRoutes()).isEmpty();
        assertThat(c.relay().maxQueueAge()).isEqualTo(Duration.ofHours(24));
        assertThat(c.antivirus().enabled()).isFalse();
    }

    @Test
    void aPortOutOfRangeIsReportedWithItsKeyPath() {
        assertThat(problemsOf(PROVIDER + "listeners:\n  imaps:\n    port: 70000\n"))
                .containsExactly("listeners.imaps.port: 70000 is not a port (1-65535)");
    }

    @Test
    void anUnknownKeyIsAnErrorNotIgnored() {
        assertThat(problemsOf(PROVIDER + "listeners:\n  imaps:\n    prot: 993\n"))
                .singleElement().asString()
                .startsWith("listeners.imaps.prot: unknown key")
                .contains("port");
        assertThat(problemsOf(PROVIDER + "timer:\n  warning-after: 1h\n"))
                .singleElement().asString().startsWith("timer: unknown key");
    }

    @Test
    void everyProblemIsListedInOnePass() {
        List<String> problems = problemsOf("""
                provider:
                  domains: [pec.example.it, "not a domain"]
                  service-address: nobody
                listeners:
                  smtps: {enabled: sometimes}
                  mx: {port: -1}
                  pop3s: {tls: maybe}
                limits:
                  max-message-bytes: 30 furlongs
                timers:
                  final-after: 12
                colour: blue
                """);

        assertThat(problems).containsExactlyInAnyOrder(
                "provider.name: missing: the provider name, as in the providers index and the signing certificate",
                "provider.domains: [1] 'not a domain' is not a domain name",
                "provider.service-address: 'nobody' is not a mail address (local-part@domain)",
                "listeners.smtps.enabled: 'sometimes' is not true or false",
                "listeners.mx.port: -1 is not a port (1-65535)",
                "listeners.pop3s.tls: 'maybe' is not a TLS mode (none, implicit, starttls-optional, starttls-required)",
                "limits.max-message-bytes: '30 furlongs' is not a size (bytes, or a number with B, KB, MB, GB, KiB, MiB, GiB)",
                "timers.final-after: '12' is not a duration (for example 250ms, 45s, 30m, 12h, 7d or PT12H)",
                "colour: unknown key (known here: provider, data-dir, listeners, storage, limits, keys, providers-index,"
                        + " timers, relay, antivirus, smtp, imap-pop3, operations)");
    }

    @Test
    void anEmptyFileMissesTheProvider() {
        assertThat(problemsOf("")).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("provider.name: missing"))
                .anySatisfy(p -> assertThat(p).startsWith("provider.domains: missing"));
    }

    @Test
    void aYamlSyntaxErrorIsOneClearProblem() {
        assertThat(problemsOf(PROVIDER + "listeners: [unclosed\n"))
                .singleElement().asString().contains("pec-gateway.yaml: not valid YAML").contains("line");
        assertThat(problemsOf(PROVIDER + "data-dir: a\ndata-dir: b\n"))
                .singleElement().asString().contains("not valid YAML").contains("duplicate key data-dir");
    }

    @Test
    void aYamlSyntaxErrorSaysWhereAndWhatOnOneLine() {
        assertThat(problemsOf(PROVIDER + "listeners: [unclosed\n  smtps: x\n")).singleElement().asString()
                .contains("pec-gateway.yaml: not valid YAML at line 5, column 8: expected ',' or ']'")
                .endsWith("(while parsing a flow sequence started at line 4, column 12)")
                .doesNotContain("'string'").doesNotContain("^");
    }

    @Test
    void aFileThatCannotBeReadSaysWhyInWords() throws IOException {
        Files.createDirectories(dir.resolve("a-directory.yaml"));
        Files.write(dir.resolve("latin1.yaml"), new byte[] {'p', ':', ' ', (byte) 0xe0, '\n'});

        assertThat(problemsOfFile(dir.resolve("a-directory.yaml"))).containsExactly(dir.resolve("a-directory.yaml") + ": not a file");
        assertThat(problemsOfFile(dir.resolve("latin1.yaml"))).containsExactly(dir.resolve("latin1.yaml") + ": not UTF-8 text");
    }

    private static List<String> problemsOfFile(Path file) {
        try {
            ConfigLoader.load(file);
        } catch (ConfigException e) {
            return e.problems();
        }
        return List.of();
    }

    @Test
    void theTopLevelMustBeAMapping() {
        assertThat(problemsOf("- a\n- b\n")).first().asString().contains("must be a YAML mapping");
    }

    @Test
    void sizesAndDurationsAcceptTheirUnits() throws IOException {
        GatewayConfig c = load(PROVIDER + """
                limits: {max-message-bytes: 30MB, max-size-times-recipients: 1GiB}
                timers: {warning-after: PT30M, final-after: 45m, scan-interval: 500ms}
                relay: {retry-delays: [45s, 2h, 1d]}
                """);

        assertThat(c.limits().maxMessageBytes()).isEqualTo(30_000_000L);
        assertThat(c.limits().maxSizeTimesRecipients()).isEqualTo(1L << 30);
        assertThat(c.timers()).isEqualTo(new TimersConfig(Duration.ofMinutes(30), Duration.ofMinutes(45), Duration.ofMillis(500)));
        assertThat(c.relay().retryDelays()).containsExactly(Duration.ofSeconds(45), Duration.ofHours(2), Duration.ofDays(1));
    }

    @Test
    void twoListenersCannotShareAPort() {
        assertThat(problemsOf(PROVIDER + "listeners:\n  imaps: {port: 465}\n"))
                .containsExactly("listeners.imaps.port: 465 is also used by listeners.smtps");
        assertThat(problemsOf(PROVIDER + "listeners:\n  imaps: {port: 465, address: 127.0.0.2}\n  smtps: {address: 127.0.0.1}\n"))
                .as("different addresses do not clash").isEmpty();
    }

    @Test
    void passwordsNeverTravelInClear() {
        assertThat(problemsOf(PROVIDER + "listeners:\n  submission: {tls: starttls-optional}\n  pop3s: {tls: none}\n"))
                .containsExactly(
                        "listeners.submission.tls: starttls-optional would let passwords travel in clear; use implicit or starttls-required",
                        "listeners.pop3s.tls: none would let passwords travel in clear; use implicit or starttls-required");
    }

    @Test
    void theMxMustOfferStarttlsAndHttpHasNoStarttls() {
        assertThat(problemsOf(PROVIDER + "listeners:\n  mx: {tls: none}\n  http: {tls: starttls-required}\n"))
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("listeners.mx.tls: none is not allowed"))
                .anySatisfy(p -> assertThat(p).startsWith("listeners.http.tls: starttls-required does not exist for HTTP"));
    }

    @Test
    void postgresqlNeedsAUrl() {
        assertThat(problemsOf(PROVIDER + "storage: {kind: postgresql}\n"))
                .containsExactly("storage.postgres-url: missing: required when storage.kind is postgresql");
        assertThat(problemsOf(PROVIDER + "storage: {kind: mysql}\n"))
                .containsExactly("storage.kind: 'mysql' is not a storage kind (embedded, postgresql)");
    }

    @Test
    void retentionsAreReadAndClaimsMustOutliveThePecTimers() throws IOException {
        GatewayConfig c = load(PROVIDER + "storage:\n  retention: {queue: 7d, claims: 2d}\n");
        assertThat(c.storage().retention()).isEqualTo(new StorageConfig.Retention(Duration.ofDays(7), Duration.ofDays(2)));

        assertThat(problemsOf(PROVIDER + "storage:\n  retention: {queue: 0s, claims: 24h}\n")).containsExactlyInAnyOrder(
                "storage.retention.queue: '0s' must be longer than zero",
                "storage.retention.claims: PT24H is shorter than PT48H: a peer may still resend within its 24 h PEC timers");
    }

    @Test
    void keyMaterialComesInPairsOfExistingFiles() throws IOException {
        Path p12 = Files.writeString(dir.resolve("signing.p12"), "x");
        assertThat(problemsOf(PROVIDER + "keys:\n  signing:\n    pkcs12: {file: signing.p12}\n"))
                .containsExactly("keys: give both signing and tls, or neither (then a development PKI is made in the data directory)");
        assertThat(problemsOf(PROVIDER + """
                keys:
                  signing:
                    pkcs12: {file: signing.p12, password-file: missing.txt}
                  tls:
                    pem: {certificate-chain: chain.pem}
                """)).containsExactlyInAnyOrder(
                "keys.tls.pem.private-key: missing: the PKCS#8 PEM private key",
                "keys.signing.pkcs12.password-file: " + dir.resolve("missing.txt").toAbsolutePath() + " does not exist or is not a file");
        assertThat(problemsOf(PROVIDER + "keys:\n  signing: {pkcs12: {file: a}, pem: {private-key: b}}\n  tls: {}\n"))
                .contains("keys.signing: give either pkcs12 or pem, not both")
                .anySatisfy(p -> assertThat(p).startsWith("keys.tls: expected pkcs12"));
        assertThat(p12).exists();
    }

    @Test
    void relativePathsAreResolvedAgainstTheFilesDirectory() throws IOException {
        Files.writeString(dir.resolve("a.pem"), "x");
        Files.writeString(dir.resolve("b.pem"), "x");
        GatewayConfig c = load(PROVIDER + """
                data-dir: var/pec
                keys:
                  signing: {pem: {certificate-chain: a.pem, private-key: b.pem}}
                  tls: {pkcs12: {file: a.pem, alias: "1"}}
                """);

        assertThat(c.dataDir()).isEqualTo(dir.resolve("var/pec").toAbsolutePath());
        assertThat(c.storage().embeddedPath()).isEqualTo(dir.resolve("var/pec/store").toAbsolutePath());
        assertThat(c.keys().signing()).contains(new KeySource.Pem(dir.resolve("a.pem").toAbsolutePath(), dir.resolve("b.pem").toAbsolutePath()));
        assertThat(c.keys().tls()).contains(new KeySource.Pkcs12(dir.resolve("a.pem").toAbsolutePath(), java.util.Optional.empty(), java.util.Optional.of("1")));
    }

    @Test
    void aValueWrongOnItsOwnDoesNotCauseAMisleadingDerivedProblem() {
        assertThat(problemsOf(PROVIDER + "listeners:\n  imaps: {port: 465x}\n  smtps: {port: 993}\n"))
                .as("the default 993 standing in for the bad imaps port must not be reported as a clash")
                .containsExactly("listeners.imaps.port: '465x' is not a port (1-65535)");
    }

    @Test
    void timersAndLimitsMustBeConsistent() {
        assertThat(problemsOf(PROVIDER + "timers: {warning-after: 24h}\nlimits: {max-message-bytes: 2MiB, max-size-times-recipients: 1MiB}\n"))
                .containsExactlyInAnyOrder(
                        "timers.warning-after: must be shorter than timers.final-after",
                        "limits.max-size-times-recipients: must be at least limits.max-message-bytes");
    }

    @Test
    void staticRoutesAreDomainsWithAHost() throws IOException {
        GatewayConfig c = load(PROVIDER + "relay:\n  static-routes:\n    PEC.Example.org: {host: 127.0.0.1, port: 2525}\n");
        assertThat(c.relay().staticRoutes()).containsEntry("pec.example.org", new RelayConfig.Route("127.0.0.1", 2525));

        assertThat(problemsOf(PROVIDER + "relay:\n  static-routes:\n    pec.example.org: {prot: 25}\n"))
                .hasSize(2)
                .contains("relay.static-routes.pec.example.org.host: missing: the next hop's host name or address")
                .anySatisfy(p -> assertThat(p).startsWith("relay.static-routes.pec.example.org.prot: unknown key"));
    }

    @Test
    void anUnreadableFileIsOneProblem() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("absent.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("absent.yaml: no such file");
    }
}
