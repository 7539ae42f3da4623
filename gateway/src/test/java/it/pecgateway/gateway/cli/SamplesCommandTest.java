package it.pecgateway.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.receipts.PecSettings;
import it.pecgateway.receipts.testing.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SamplesCommandTest {
    private static final String ADDRESS = "posta-certificata@pec.example.it";

    @Test
    void writesOneSignedSampleOfEveryKindThatVerifyAccepts(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.create(ADDRESS, "Example PEC");
        StringWriter out = new StringWriter();
        CommandLine samples = new CommandLine(new SamplesCommand(pki::signing,
                new PecSettings("Example PEC S.p.A.", ADDRESS), Clock.systemUTC()));
        samples.setOut(new PrintWriter(out));

        int exit = samples.execute(dir.resolve("out").toString());

        assertThat(exit).isZero();
        List<String> names;
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names).hasSize(14).contains("01-busta-di-trasporto.eml", "06-consegna-completa.eml",
                "07-consegna-breve.eml", "08-consegna-sintetica.eml", "11-mancata-consegna-24h.eml", "14-anomalia.eml");
        Path ca = TestPki.writePem(dir.resolve("ca.pem"), pki.root());
        List<String> args = new ArrayList<>(List.of("--trust", ca.toString()));
        names.forEach(n -> args.add(dir.resolve("out").resolve(n).toString()));
        StringWriter verified = new StringWriter();
        CommandLine verify = new CommandLine(new VerifyCommand());
        verify.setOut(new PrintWriter(verified));
        assertThat(verify.execute(args.toArray(String[]::new))).as(verified.toString()).isZero();
        assertThat(verified.toString().split("verdict:         VALID", -1)).hasSize(15);
    }

    @Test
    void aServiceAddressThatIsNotTheCertificatesIsRefusedWithExit2(@TempDir Path dir) {
        TestPki pki = TestPki.create(ADDRESS, "Example PEC");
        StringWriter err = new StringWriter();
        CommandLine samples = new CommandLine(new SamplesCommand(pki::signing,
                new PecSettings("Example PEC S.p.A.", "other@pec.example.it"), Clock.systemUTC()));
        samples.setErr(new PrintWriter(err));

        assertThat(samples.execute(dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("From must equal the certificate's rfc822Name");
    }
}
