package it.pecgateway.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pecgateway.config.ConfigException;
import it.pecgateway.config.ConfigLoader;
import it.pecgateway.config.GatewayConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyMaterialsTest {
    static final String NAME = "Example PEC S.p.A.";
    static final String SERVICE = "posta-certificata@pec.example.it";
    static final String PEM_KEYS = """
            keys:
              signing: {pem: {certificate-chain: signing.pem, private-key: signing-key.pem}}
              tls: {pem: {certificate-chain: tls.pem, private-key: tls-key.pem}}
            """;

    @TempDir
    Path dir;
    final TestKeys keys = new TestKeys();

    GatewayConfig config(String keysYaml) {
        return ConfigLoader.parse("provider: {name: " + NAME + ", domains: [pec.example.it]}\ndata-dir: data\n" + keysYaml,
                dir, "test");
    }

    void writePem(TlsIdentity signing, TlsIdentity tls) throws Exception {
        TestKeys.writePem(signing, dir.resolve("signing.pem"), dir.resolve("signing-key.pem"));
        TestKeys.writePem(tls, dir.resolve("tls.pem"), dir.resolve("tls-key.pem"));
    }

    List<String> refusal(String keysYaml) {
        try {
            KeyMaterials.load(config(keysYaml), Clock.systemUTC());
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("the key material was accepted");
    }

    @Test
    void goodPemFilesAreLoaded() throws Exception {
        TlsIdentity signing = keys.signing(NAME, SERVICE);
        TlsIdentity tls = keys.tls("mx.pec.example.it");
        writePem(signing, tls);

        KeyMaterial material = KeyMaterials.load(config(PEM_KEYS), Clock.systemUTC());

        assertThat(material.signing().certificate()).isEqualTo(signing.certificate());
        assertThat(material.signing().chain()).containsExactly(keys.ca.certificate());
        assertThat(material.tls().chain()).isEqualTo(tls.chain());
        assertThat(material.trustAnchors()).containsExactly(keys.ca.certificate());
        assertThat(material.devPkiDir()).isEmpty();
        assertThat(dir.resolve("data/pki")).doesNotExist();
    }

    @Test
    void goodPkcs12FilesAreLoadedWithTheirPasswordFile() throws Exception {
        TestKeys.writePkcs12(keys.signing(NAME, SERVICE), dir.resolve("signing.p12"), "pec", "s3cret-signing".toCharArray());
        TestKeys.writePkcs12(keys.tls("localhost"), dir.resolve("tls.p12"), "tls", "s3cret-tls".toCharArray());
        Files.writeString(dir.resolve("signing.pw"), "s3cret-signing\n");
        Files.writeString(dir.resolve("tls.pw"), "s3cret-tls\n");

        KeyMaterial material = KeyMaterials.load(config("""
                keys:
                  signing: {pkcs12: {file: signing.p12, password-file: signing.pw}}
                  tls: {pkcs12: {file: tls.p12, password-file: tls.pw, alias: tls}}
                """), Clock.systemUTC());

        assertThat(KeyChecks.emailAddresses(material.signing().certificate())).containsExactly(SERVICE);
        assertThat(material.tls().chain()).hasSize(2);
    }

    @Test
    void aWrongPkcs12PasswordIsRefusedWithoutShowingIt() throws Exception {
        TestKeys.writePkcs12(keys.signing(NAME, SERVICE), dir.resolve("signing.p12"), "pec", "right-password".toCharArray());
        TestKeys.writePem(keys.tls("localhost"), dir.resolve("tls.pem"), dir.resolve("tls-key.pem"));
        Files.writeString(dir.resolve("signing.pw"), "wrong-password\n");

        List<String> problems = refusal("""
                keys:
                  signing: {pkcs12: {file: signing.p12, password-file: signing.pw}}
                  tls: {pem: {certificate-chain: tls.pem, private-key: tls-key.pem}}
                """);

        assertThat(problems).singleElement().asString()
                .startsWith("keys.signing.pkcs12.file: ")
                .endsWith("cannot be opened: wrong password, damaged file or not PKCS#12")
                .doesNotContain("wrong-password").doesNotContain("right-password");
    }

    @Test
    void anExpiredSigningCertificateIsRefused() throws Exception {
        TestKeys old = new TestKeys(Instant.now().minus(Duration.ofDays(800)));
        writePem(old.signing(NAME, SERVICE), keys.tls("localhost"));

        assertThat(refusal(PEM_KEYS)).singleElement().asString()
                .startsWith("keys.signing: certificate CN=" + NAME + ", O=" + NAME + ", C=IT" + " expired on ");
    }

    @Test
    void aSigningCertificateNotYetValidIsRefused() throws Exception {
        TestKeys future = new TestKeys(Instant.now().plus(Duration.ofDays(30)));
        writePem(future.signing(NAME, SERVICE), keys.tls("localhost"));

        assertThat(refusal(PEM_KEYS)).singleElement().asString().contains("is not valid before");
    }

    @Test
    void aSigningCertificateThatDoesNotMatchItsKeyIsRefused() throws Exception {
        writePem(TestKeys.withOtherKey(keys.signing(NAME, SERVICE)), keys.tls("localhost"));

        assertThat(refusal(PEM_KEYS)).containsExactly("keys.signing: certificate CN=" + NAME + ", O=" + NAME + ", C=IT"
                + " does not match the private key");
    }

    @Test
    void aSigningCertificateForAnotherAddressIsRefused() throws Exception {
        writePem(keys.signing(NAME, "posta-certificata@pec.other.it"), keys.tls("localhost"));

        assertThat(refusal(PEM_KEYS)).containsExactly("keys.signing: certificate rfc822Name is posta-certificata@pec.other.it,"
                + " but provider.service-address is " + SERVICE + " (the From of every receipt must be the certificate's address)");
    }

    @Test
    void aSigningCertificateOfAnotherProviderNameIsRefused() throws Exception {
        writePem(keys.signing("Other PEC", SERVICE), keys.tls("localhost"));

        assertThat(refusal(PEM_KEYS)).singleElement().asString().contains("does not carry provider.name '" + NAME + "' in CN or O");
    }

    @Test
    void aTlsCertificateThatDoesNotMatchItsKeyIsRefused() throws Exception {
        writePem(keys.signing(NAME, SERVICE), TestKeys.withOtherKey(keys.tls("localhost")));

        assertThat(refusal(PEM_KEYS)).singleElement().asString().startsWith("keys.tls: certificate").endsWith("does not match the private key");
    }

    @Test
    void everyProblemOfBothKeysIsListedAtOnce() throws Exception {
        TestKeys old = new TestKeys(Instant.now().minus(Duration.ofDays(800)));
        writePem(TestKeys.withOtherKey(old.signing(NAME, "someone@else.it")), TestKeys.withOtherKey(keys.tls("localhost")));

        assertThat(refusal(PEM_KEYS)).hasSize(4)
                .anySatisfy(p -> assertThat(p).contains("expired on"))
                .anySatisfy(p -> assertThat(p).startsWith("keys.signing").contains("does not match"))
                .anySatisfy(p -> assertThat(p).contains("rfc822Name is someone@else.it"))
                .anySatisfy(p -> assertThat(p).startsWith("keys.tls").contains("does not match"));
    }

    @Test
    void filesWithoutKeyOrCertificateAreRefused() throws Exception {
        Files.writeString(dir.resolve("signing.pem"), "not a certificate\n");
        Files.writeString(dir.resolve("signing-key.pem"), PemFiles.toPem(keys.ca.certificate()));
        TestKeys.writePem(keys.tls("localhost"), dir.resolve("tls.pem"), dir.resolve("tls-key.pem"));

        assertThat(refusal(PEM_KEYS)).containsExactlyInAnyOrder(
                "keys.signing.pem.certificate-chain: " + dir.resolve("signing.pem") + " holds no PEM certificate (BEGIN CERTIFICATE)",
                "keys.signing.pem.private-key: " + dir.resolve("signing-key.pem") + " holds no PEM private key (BEGIN PRIVATE KEY)");
    }

    @Test
    void withoutKeyMaterialTheDevelopmentPkiIsUsed() {
        KeyMaterial material = KeyMaterials.load(config(""), Clock.systemUTC());

        assertThat(material.devPkiDir()).contains(dir.resolve("data/pki"));
        assertThat(dir.resolve("data/pki/ca.pem")).exists();
    }
}
