package it.pecgateway.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProvidersIndexLdifTest {
    private static X509Certificate acme;
    private static X509Certificate acmeRenewed;
    private static X509Certificate other;

    @BeforeAll
    static void certificates() throws Exception {
        acme = TestCertificates.providerCertificate("Acme PEC", "posta-certificata@pec.acme.example");
        acmeRenewed = TestCertificates.providerCertificate("Acme PEC", "posta-certificata@pec.acme.example");
        other = TestCertificates.providerCertificate("Other PEC", "posta-certificata@other.example");
    }

    /** Folds like a directory server would: 76 columns, continuation lines start with one space. */
    private static String folded(String line) {
        StringBuilder out = new StringBuilder(line.substring(0, Math.min(76, line.length()))).append('\n');
        for (int i = 76; i < line.length(); i += 75) {
            out.append(' ').append(line, i, Math.min(i + 75, line.length())).append('\n');
        }
        return out.toString();
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String handWrittenIndex() throws Exception {
        String unitName = "Posta Certificata Società";
        return "version: 1\n"
                + "# the whole directory, as the central index publishes it\n"
                + "#  a folded comment line\n"
                + "\n"
                + "dn: o=postacert\n"
                + "objectClass: top\nobjectClass: organization\nobjectClass: LDIFLocationURLObject\no: postacert\n"
                + "LDIFLocationURL: https://igpec.example/igpec.ldif.p7m\n"
                + "\n"
                + "dn: providerName=Acme PEC,o=postacert\n"
                + "objectclass: top\n"
                + "objectclass: provider\n"
                + "providerName: Acme PEC\n"
                + "description: main environment\n"
                + "mailReceipt: posta-certificata@pec.acme.example\n"
                + "managedDomains: PEC.acme.example\n"
                + "managedDomains: legal.acme.example\n"
                + "providerCertificateHash: " + Fingerprints.sha1Hex(acme).toLowerCase() + "\n"
                + "providerCertificateHash: " + Fingerprints.sha1Hex(acmeRenewed) + "\n"
                + folded("providerCertificate;binary:: " + b64(acme.getEncoded()))
                + folded("providerCertificate;binary:: " + b64(acmeRenewed.getEncoded()))
                + "\n"
                + folded("dn:: " + b64(("providerUnit=" + unitName + ",providerName=Other PEC,o=postacert").getBytes(StandardCharsets.UTF_8)))
                + "objectClass: top\nobjectClass: provider\n"
                + "providerName: Other PEC\n"
                + "providerUnit:: " + b64(unitName.getBytes(StandardCharsets.UTF_8)) + "\n"
                + "mailReceipt: posta-certificata@other.example\n"
                + "managedDomains: other.example\n"
                + "providerCertificateHash: " + Fingerprints.sha1Hex(other) + "\n"
                + folded("providerCertificate;binary:: " + b64(other.getEncoded()));
    }

    @Test
    void readsProvidersWithFoldedBase64CertificatesAndSkipsTheRoot() throws Exception {
        ProvidersIndex index = ProvidersIndexLdif.read(handWrittenIndex().getBytes(StandardCharsets.UTF_8));

        assertThat(index.providers()).hasSize(2);
        ProviderEntry acmeEntry = index.providerOfDomain("pec.acme.example").orElseThrow();
        assertThat(acmeEntry.name()).isEqualTo("Acme PEC");
        assertThat(acmeEntry.mailReceipt()).isEqualTo("posta-certificata@pec.acme.example");
        assertThat(acmeEntry.managedDomains()).containsExactlyInAnyOrder("pec.acme.example", "legal.acme.example");
        assertThat(acmeEntry.certificates()).containsExactly(acme, acmeRenewed);
        assertThat(index.providerOfDomain("other.example").orElseThrow().name()).isEqualTo("Other PEC");
    }

    @Test
    void lookupsIgnoreCaseOfDomainsAndHashes() throws Exception {
        ProvidersIndex index = ProvidersIndexLdif.read(handWrittenIndex().getBytes(StandardCharsets.UTF_8));

        assertThat(index.isPecDomain("Legal.ACME.example")).isTrue();
        assertThat(index.isPecDomain("gmail.example")).isFalse();
        assertThat(index.providerOfCertificateHash(Fingerprints.sha1Hex(acme).toLowerCase())).isPresent();
        assertThat(index.providerOfCertificate(acmeRenewed).orElseThrow().name()).isEqualTo("Acme PEC");
        assertThat(index.providerOfCertificate(other).orElseThrow().name()).isEqualTo("Other PEC");
    }

    @Test
    void writerOutputReadsBackToTheSameEntries() throws Exception {
        ProviderEntry entry = new ProviderEntry("Prova, S.p.A.", "posta-certificata@prova.example",
                Set.of("prova.example"), List.of(acme), Set.of(Fingerprints.sha1Hex(acme)));

        String ldif = ProvidersIndexLdifWriter.write(List.of(entry));
        ProvidersIndex index = ProvidersIndexLdif.read(ldif.getBytes(StandardCharsets.UTF_8));

        assertThat(ldif.lines()).allMatch(line -> line.length() <= 76);
        assertThat(index.providers()).containsExactly(entry);
    }

    @Test
    void anEntryWithoutMailReceiptMakesTheFileInvalid() throws Exception {
        String ldif = handWrittenIndex().replace("mailReceipt: posta-certificata@other.example\n", "");

        assertThatThrownBy(() -> ProvidersIndexLdif.read(ldif.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProvidersIndexLdifException.class)
                .satisfies(e -> assertThat(((ProvidersIndexLdifException) e).problems())
                        .anyMatch(p -> p.contains("Other PEC") && p.contains("mailreceipt is missing")));
    }

    @Test
    void aCertificateWhoseHashIsNotListedMakesTheFileInvalid() throws Exception {
        String ldif = handWrittenIndex().replace(Fingerprints.sha1Hex(other), Fingerprints.sha1Hex(acme));

        assertThatThrownBy(() -> ProvidersIndexLdif.read(ldif.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProvidersIndexLdifException.class)
                .hasMessageContaining("no matching providerCertificateHash");
    }

    @Test
    void badBase64AndTruncatedCertificatesAreReportedWithTheirLine() throws Exception {
        String badBase64 = handWrittenIndex().replace("providerUnit:: ", "providerUnit:: *");
        String truncated = handWrittenIndex().replace(folded("providerCertificate;binary:: " + b64(other.getEncoded())),
                "providerCertificate;binary:: " + b64(java.util.Arrays.copyOf(other.getEncoded(), 100)) + "\n");

        assertThatThrownBy(() -> ProvidersIndexLdif.read(badBase64.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("invalid base64").hasMessageContaining("line ");
        assertThatThrownBy(() -> ProvidersIndexLdif.read(truncated.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not a DER X.509 certificate");
    }

    @Test
    void aDomainClaimedByTwoProvidersIsRefused() throws Exception {
        String ldif = handWrittenIndex().replace("managedDomains: other.example", "managedDomains: legal.acme.example");

        assertThatThrownBy(() -> ProvidersIndexLdif.read(ldif.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("claimed by both");
    }

    @Test
    void changeRecordsAndUrlValuesAreRefused() throws Exception {
        String change = handWrittenIndex().replace("dn: providerName=Acme PEC,o=postacert\n",
                "dn: providerName=Acme PEC,o=postacert\nchangetype: modify\n");
        String url = handWrittenIndex().replace("description: main environment", "description:< file:///etc/passwd");

        assertThatThrownBy(() -> ProvidersIndexLdif.read(change.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("change records");
        assertThatThrownBy(() -> ProvidersIndexLdif.read(url.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("URL");
    }

    @Test
    void crlfLineEndingsAreAccepted() throws Exception {
        String crlf = handWrittenIndex().replace("\n", "\r\n");

        assertThat(ProvidersIndexLdif.read(crlf.getBytes(StandardCharsets.UTF_8)).providers()).hasSize(2);
    }
}
