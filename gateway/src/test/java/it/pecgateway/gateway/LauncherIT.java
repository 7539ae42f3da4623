package it.pecgateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/pec-gateway} run from another directory: the data directory is the caller's. */
class LauncherIT {
    static final Path LAUNCHER = Path.of("../bin/pec-gateway").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void exportCaFromAnyDirectoryPrintsTheCaOfThatDirectorysDevelopmentPki() throws Exception {
        try (ChildProcess p = ChildProcess.start(dir, List.of(LAUNCHER.toString(), "pki", "export-ca"))) {
            assertThat(p.awaitExit(Duration.ofSeconds(120))).as(p.err()).isZero();
            assertThat(p.out()).startsWith("-----BEGIN CERTIFICATE-----").isEqualTo(Files.readString(dir.resolve("data/pki/ca.pem")));
            assertThat(p.err()).contains("using the development configuration (data in " + dir.resolve("data") + ")");
        }
    }

    @Test
    void usageErrorsExitWith2() throws Exception {
        try (ChildProcess p = ChildProcess.start(dir, List.of(LAUNCHER.toString(), "no-such-command"))) {
            assertThat(p.awaitExit(Duration.ofSeconds(120))).isEqualTo(2);
            assertThat(p.err()).contains("Unmatched argument");
        }
    }
}
