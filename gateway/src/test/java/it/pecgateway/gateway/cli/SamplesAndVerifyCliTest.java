package it.pecgateway.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an integrator does with the commands as shipped: write the samples with the development PKI, export the CA,
 * and verify every sample against it; one changed byte makes verification fail.
 */
class SamplesAndVerifyCliTest {
    @TempDir
    Path dir;

    @Test
    void samplesSignedWithTheDevelopmentPkiVerifyAgainstTheExportedCa() throws IOException {
        Cli cli = new Cli(dir);

        Cli.Result samples = cli.run("samples", "samples");
        Cli.Result ca = cli.run("pki", "export-ca");
        Files.writeString(dir.resolve("ca.pem"), ca.out());
        List<String> files = emlFiles(dir.resolve("samples"));

        assertThat(samples.status()).as(samples.err()).isZero();
        assertThat(files).hasSizeGreaterThanOrEqualTo(14);
        String[] verifyArgs = Stream.concat(Stream.of("verify", "--trust", dir.resolve("ca.pem").toString()), files.stream()).toArray(String[]::new);
        Cli.Result verified = cli.run(verifyArgs);
        assertThat(verified.status()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("posta-certificata@pec.localhost");
    }

    @Test
    void aSampleChangedByOneByteIsInvalid() throws IOException {
        Cli cli = new Cli(dir);
        assertThat(cli.run("samples", "samples").status()).isZero();
        Files.writeString(dir.resolve("ca.pem"), cli.run("pki", "export-ca").out());
        Path sample = Path.of(emlFiles(dir.resolve("samples")).get(0));
        String text = Files.readString(sample, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("Il giorno");
        Files.writeString(sample, text.substring(0, at) + "il giorno" + text.substring(at + "Il giorno".length()),
                java.nio.charset.StandardCharsets.ISO_8859_1);

        Cli.Result verified = cli.run("verify", "--trust", dir.resolve("ca.pem").toString(), sample.toString());

        assertThat(verified.status()).isEqualTo(1);
    }

    private static List<String> emlFiles(Path directory) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.map(Path::toString).filter(n -> n.endsWith(".eml")).sorted().toList();
        }
    }
}
