package it.pecgateway.gateway.pec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code shared/tools/pec-check} (openssl cms -verify with the issuing CA, xmllint on daticert) on messages. */
final class PecCheck {
    private PecCheck() {
    }

    static Path tool() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/tools/pec-check");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("shared/tools/pec-check not found above " + Path.of("").toAbsolutePath());
    }

    /** Every message passes the outside checks against the CA that issued its signer. */
    static void assertPasses(X509Certificate ca, List<byte[]> messages) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("pec-check");
        Path caFile = dir.resolve("ca.pem");
        Files.writeString(caFile, pem(ca));
        List<String> command = new ArrayList<>(List.of("bash", tool().toString(), "--ca", caFile.toString()));
        for (int i = 0; i < messages.size(); i++) {
            Path f = dir.resolve("m" + i + ".eml");
            Files.write(f, messages.get(i));
            command.add(f.toString());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out.lines().filter(l -> l.startsWith("ok "))).hasSize(messages.size());
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
