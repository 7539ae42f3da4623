package it.pecgateway.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.pecgateway.receipts.testing.Fixtures;
import it.pecgateway.receipts.testing.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyCommandTest {
    @TempDir
    static Path dir;
    static Path acceptance;
    static Path nonDelivery;
    static Path agid;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void files() throws Exception {
        byte[] acc = Fixtures.real(Fixtures.ACCETTAZIONE);
        acceptance = Files.write(dir.resolve("accettazione.eml"), acc);
        nonDelivery = Files.write(dir.resolve("mancata.eml"), Fixtures.real(Fixtures.MANCATA_CONSEGNA));
        agid = TestPki.writePem(dir.resolve("agid-ca1.pem"), Fixtures.agidCa1(acc));
    }

    private int verify(String... args) {
        CommandLine cli = new CommandLine(new VerifyCommand(Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"),
                ZoneOffset.UTC)));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void aRealReceiptVerifiesWhenAgidCa1IsTrustedAndEveryFactIsPrinted() {
        int exit = verify("--trust", agid.toString(), acceptance.toString());

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("kind:            ricevuta accettazione")
                .contains("identificativo:  opec296.20211214143608.11149.382.1.69@pec.aruba.it")
                .contains("sender:          testflosslab@pec.it")
                .contains("recipient:       flosslabtest@legalmail.it (certificato)")
                .contains("certified time:  14/12/2021 14:36:08 (+0100)")
                .contains("signer:          CN=Posta Certificata ARUBA PEC")
                .contains("signer SHA-1:    06B2539D100FEF15BBCC875739385BCAFB07E85D")
                .contains("note:            the signer certificate expired on 2023-10-08")
                .contains("verdict:         VALID");
    }

    @Test
    void withoutTrustTheVerdictIsInvalidWithExit1() {
        int exit = verify(acceptance.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("verdict:         INVALID - signature: ");
    }

    @Test
    void aMissingFileIsUnreadableWithExit2AndTheOthersAreStillReported() {
        int exit = verify("--trust", agid.toString(), acceptance.toString(), dir.resolve("none.eml").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).contains("verdict:         VALID").contains("verdict:         UNREADABLE");
    }

    @Test
    void aTamperedMessageIsInvalid() throws Exception {
        String text = Files.readString(nonDelivery, StandardCharsets.ISO_8859_1).replace("indirizzo non valido",
                "indirizzo non valida");
        Path tampered = Files.writeString(dir.resolve("tampered.eml"), text, StandardCharsets.ISO_8859_1);

        assertThat(verify("--trust", agid.toString(), tampered.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("altered");
    }

    @Test
    void jsonOutputCarriesTheSameFactsForMachines() throws Exception {
        int exit = verify("--json", "--trust", agid.toString(), nonDelivery.toString());

        assertThat(exit).isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString()).get(0);
        assertThat(result.get("verdict").asText()).isEqualTo("VALID");
        assertThat(result.get("kind").asText()).isEqualTo("ricevuta errore-consegna");
        assertThat(result.get("identificativo").asText()).isEqualTo("opec296.20211214145423.22932.377.1.68@pec.aruba.it");
        assertThat(result.get("certifiedTime").asText()).isEqualTo("14/12/2021 14:54:32 (+0100)");
        assertThat(result.get("digestAlgorithm").asText()).isEqualTo("SHA-1");
        assertThat(result.get("recipients").get(0).asText()).isEqualTo("provaprova@pec.flosslab.it (certificato)");
        assertThat(result.get("reason").isNull()).isTrue();
    }

    @Test
    void anUnreadableTrustFileIsExit2WithAMessage() {
        assertThat(verify("--trust", acceptance.toString(), acceptance.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read trusted certificates");
    }

    @Test
    void aTrustFileThatIsMissingOrAFolderIsNamedWithTheReason() {
        Path missing = dir.resolve("assente.pem");
        assertThat(verify("--trust", missing.toString(), acceptance.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("cannot read trusted certificates from " + missing + ": no such file\n");

        assertThat(verify("--trust", dir.toString(), acceptance.toString())).isEqualTo(2);
        assertThat(err.toString()).endsWith("\ncannot read trusted certificates from " + dir + ": not a file\n");
    }
}
