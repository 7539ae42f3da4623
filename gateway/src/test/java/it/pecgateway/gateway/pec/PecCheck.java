package it.pecgateway.gateway.pec;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.receipts.testing.OutsideTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The outside checks of generated messages: {@code openssl cms -verify} with the issuing CA, and {@code xmllint
 * --dtdvalid} on each daticert.xml (receipts' {@link OutsideTools}). When the team's {@code shared/tools/pec-check}
 * is found above the working directory (as in CI), it runs too, so the tool the guide names judges them as well; a
 * clone elsewhere still runs the same two standard tools itself.
 */
final class PecCheck {
    private PecCheck() {
    }

    static Optional<Path> sharedTool() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/tools/pec-check");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Every message passes the outside checks against the CA that issued its signer. */
    static void assertPasses(X509Certificate ca, List<byte[]> messages) throws Exception {
        Path dir = Files.createTempDirectory("pec-check");
        Path caFile = dir.resolve("ca.pem");
        Files.writeString(caFile, pem(ca));
        List<String> files = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Path f = dir.resolve("m" + i + ".eml");
            Files.write(f, messages.get(i));
            files.add(f.toString());
            OutsideTools.Result signature = OutsideTools.opensslVerify(f, caFile);
            assertThat(signature.exitCode()).as("openssl cms -verify of message %d: %s", i, signature.output()).isZero();
            Optional<byte[]> daticert = PecMail.attachment(messages.get(i), "daticert.xml");
            if (daticert.isPresent()) {
                OutsideTools.Result dtd = OutsideTools.xmllintDtd(daticert.get(), dir);
                assertThat(dtd.exitCode()).as("xmllint --dtdvalid of message %d's daticert.xml: %s", i, dtd.output()).isZero();
            }
        }
        Optional<Path> tool = sharedTool();
        if (tool.isPresent()) {
            List<String> command = new ArrayList<>(List.of("bash", tool.get().toString(), "--ca", caFile.toString()));
            command.addAll(files);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out.lines().filter(l -> l.startsWith("ok "))).hasSize(messages.size());
        }
    }

    private static String pem(X509Certificate c) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(c.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
