package it.pecgateway.receipts.testing;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.receipts.daticert.DaticertDtd;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the standard tools on written messages, as {@code shared/tools/pec-check} does: {@code openssl cms -verify}
 * for the signature and {@code xmllint --dtdvalid} for daticert.xml. A missing tool fails the test with a clear
 * message (CI installs the Debian packages openssl and libxml2-utils); it never skips.
 */
public final class OutsideTools {
    private OutsideTools() {
    }

    public record Result(int exitCode, String output) {
    }

    public static void requireTool(String tool, String debianPackage) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            found |= Files.isExecutable(Path.of(dir, tool));
        }
        assertThat(found).as(tool + " is required by this test: install the Debian package " + debianPackage
                + " (CI does)").isTrue();
    }

    public static Result opensslVerify(Path message, Path caFile) throws IOException, InterruptedException {
        requireTool("openssl", "openssl");
        return run(List.of("openssl", "cms", "-verify", "-in", message.toString(), "-CAfile", caFile.toString(),
                "-purpose", "any", "-out", "/dev/null"));
    }

    public static Result xmllintDtd(byte[] xml, Path workDir) throws IOException, InterruptedException {
        requireTool("xmllint", "libxml2-utils");
        Path dtd = workDir.resolve("daticert-rfc6109.dtd");
        if (!Files.exists(dtd)) {
            Files.write(dtd, DaticertDtd.dtd());
        }
        Path file = Files.createTempFile(workDir, "daticert", ".xml");
        Files.write(file, xml);
        return run(List.of("xmllint", "--noout", "--dtdvalid", dtd.toString(), file.toString()));
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(command.get(0) + " finished").isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
